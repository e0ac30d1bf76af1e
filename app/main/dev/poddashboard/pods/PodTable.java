package dev.poddashboard.pods;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;

/**
 * Pods as the API server prints them: a {@code meta.k8s.io/v1} Table, which is what kubectl asks for
 * ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io,…}). The server's printer changes between
 * releases (a terminating pod that already succeeded is Terminating on 1.28, Completed after kubernetes PR 122038),
 * so the cells that describe the pod's state (READY, STATUS, the RESTARTS count, IP, NODE, NOMINATED NODE,
 * READINESS GATES) are taken from the server as printed. AGE and the "(5m ago)" of RESTARTS are not: they are
 * true only at the moment of printing, so they are worked out again for every page view from the pod's own
 * timestamps, which is why the rows ask for the whole object ({@code includeObject=Object}: Metadata alone has
 * no container statuses, hence no restart time).
 */
final class PodTable {
    /** kubectl's own Accept header: Table v1, then v1beta1 (1.10–1.14), then a plain list. */
    static final String ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,"
            + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    private PodTable() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Column(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Row(List<Object> cells, Pod object) {
        Row {
            cells = cells == null ? List.of() : cells;
        }
    }

    /**
     * Where each column is, by name: servers add columns between releases, and only the first event of a Table
     * watch carries the definitions, so the positions from the list are kept for the watch that follows.
     */
    record Columns(int ready, int status, int restarts, int ip, int node, int nominatedNode, int readinessGates) {
        static final Columns NONE = new Columns(-1, -1, -1, -1, -1, -1, -1);

        static Columns of(List<Column> definitions) {
            if (definitions.isEmpty()) {
                return NONE;
            }
            return new Columns(index(definitions, "ready"), index(definitions, "status"),
                    index(definitions, "restarts"), index(definitions, "ip"), index(definitions, "node"),
                    index(definitions, "nominated node"), index(definitions, "readiness gates"));
        }

        private static int index(List<Column> definitions, String name) {
            for (int i = 0; i < definitions.size(); i++) {
                String column = definitions.get(i).name();
                if (column != null && column.toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The row's summary: the server's cells where it printed them, the local printer for anything missing. */
    static PodSummary summarize(Row row, Columns columns) {
        Pod pod = row.object() == null ? new Pod(null, null, null) : row.object();
        PodSummary local = PodPrinter.summarize(pod);
        String restartsCell = cell(row, columns.restarts());
        int restarts = local.restarts();
        java.time.Instant lastRestart = local.lastRestart();
        if (restartsCell != null) {
            int space = restartsCell.indexOf(' ');
            try {
                restarts = Integer.parseInt(space < 0 ? restartsCell : restartsCell.substring(0, space));
                // The server decides whether "(… ago)" is printed (which containers count changed in 1.28-1.29).
                lastRestart = restartsCell.endsWith(" ago)") ? local.lastRestart() : null;
            } catch (NumberFormatException unexpected) {
                // a printer we do not know: keep the local count
            }
        }
        String ip = cell(row, columns.ip());
        return new PodSummary(local.namespace(), local.name(), shared(cell(row, columns.ready()), local.ready()),
                shared(cell(row, columns.status()), local.status()), restarts, lastRestart, local.created(),
                ip == null ? local.ip() : ip, shared(cell(row, columns.node()), local.node()),
                shared(cell(row, columns.nominatedNode()), local.nominatedNode()),
                shared(cell(row, columns.readinessGates()), local.readinessGates()), local.labels());
    }

    private static String cell(Row row, int index) {
        if (index < 0 || index >= row.cells().size() || row.cells().get(index) == null) {
            return null;
        }
        return row.cells().get(index).toString();
    }

    /** The server's text (interned: few distinct values across pods), else the local one. */
    private static String shared(String server, String local) {
        return server == null ? local : server.intern();
    }
}
