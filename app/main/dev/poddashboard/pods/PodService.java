package dev.poddashboard.pods;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns pods from a {@link PodStore} into the list and detail views. */
public final class PodService {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;

    private final PodStore store;
    private final PodPrinter printer;
    private final Clock clock;

    public PodService(PodStore store, Clock clock) {
        this.store = store;
        this.printer = new PodPrinter(clock);
        this.clock = clock;
    }

    public PodStore store() {
        return store;
    }

    /**
     * All matching rows, sorted, unpaged (for {@code /api/pods} without paging), each formatted when it is read:
     * the response is written row by row, so 100,000 formatted rows never exist at once (at 8 concurrent requests
     * they did not fit the heap).
     */
    public List<PodRow> rows(PodQuery query) {
        Instant now = clock.instant();
        boolean withNamespace = query.scope().isAll();
        List<PodSummary> matches = matches(query, store.snapshot(query.scope()));
        return new java.util.AbstractList<>() {
            @Override
            public PodRow get(int index) {
                return PodPrinter.row(matches.get(index), now, withNamespace);
            }

            @Override
            public int size() {
                return matches.size();
            }
        };
    }

    public PodListView list(PodQuery query) {
        Instant now = clock.instant();
        PodSnapshot snapshot = store.snapshot(query.scope());
        List<PodSummary> matches = matches(query, snapshot);
        int pages = Math.max(1, (matches.size() + PodQuery.PAGE_SIZE - 1) / PodQuery.PAGE_SIZE);
        int page = Math.min(query.page(), pages);
        boolean withNamespace = query.scope().isAll();
        // Only the rows on this page are formatted: AGE and "(5m ago)" are the only parts that need the time.
        List<PodRow> rows = matches.subList((page - 1) * PodQuery.PAGE_SIZE,
                        Math.min(matches.size(), page * PodQuery.PAGE_SIZE))
                .stream().map(s -> PodPrinter.row(s, now, withNamespace)).toList();
        return new PodListView(query, rows, snapshot.pods().size(), matches.size(), page, pages, kubectl(query),
                snapshot.freshness(), snapshot.complete());
    }

    private static List<PodSummary> matches(PodQuery query, PodSnapshot snapshot) {
        String needle = query.filter().toLowerCase(Locale.ROOT);
        Selector selector = query.selector();
        // The snapshot is in kubectl's order already: by name, or by namespace then name at -A.
        PodQuery.Sort sort = query.sort();
        boolean snapshotOrder = sort == PodQuery.Sort.NAMESPACE || sort == PodQuery.Sort.NAME && !query.scope().isAll();
        if (snapshotOrder && needle.isEmpty() && selector.isEmpty()) {
            // The default view, which most requests ask for: the snapshot itself, not a copy of its 10,000 entries.
            return query.descending() ? reversed(snapshot.pods()) : snapshot.pods();
        }
        List<PodSummary> result = new ArrayList<>();
        for (PodSummary pod : snapshot.pods()) {
            // The same test as PodQuery.includes, with the needle lowered once for the whole list.
            if ((needle.isEmpty() || pod.name().toLowerCase(Locale.ROOT).contains(needle)) && selector.matches(pod.labels())) {
                result.add(pod);
            }
        }
        if (snapshotOrder) {
            if (query.descending()) {
                java.util.Collections.reverse(result);
            }
            return result;
        }
        Comparator<PodSummary> order = comparator(sort);
        if (query.descending()) {
            order = order.reversed();
        }
        result.sort(order.thenComparing(PodSummary::name).thenComparing(PodSummary::namespace));
        return result;
    }

    /** A read-only view in reverse order. */
    private static List<PodSummary> reversed(List<PodSummary> list) {
        return new java.util.AbstractList<>() {
            @Override
            public PodSummary get(int index) {
                return list.get(list.size() - 1 - index);
            }

            @Override
            public int size() {
                return list.size();
            }
        };
    }

    private static Comparator<PodSummary> comparator(PodQuery.Sort sort) {
        return switch (sort) {
            case NAMESPACE -> Comparator.comparing(PodSummary::namespace);
            case NAME -> Comparator.comparing(PodSummary::name);
            case READY -> Comparator.comparingDouble(PodSummary::readyFraction);
            case STATUS -> Comparator.comparing(PodSummary::status);
            case RESTARTS -> Comparator.comparingInt(PodSummary::restarts);
            // Oldest first, like kubectl --sort-by=.metadata.creationTimestamp.
            case AGE -> Comparator.comparing(PodSummary::created, Comparator.nullsLast(Comparator.naturalOrder()));
            case IP -> Comparator.comparing(PodSummary::ip);
            case NODE -> Comparator.comparing(PodSummary::node);
        };
    }

    static String kubectl(PodQuery query) {
        StringBuilder command = new StringBuilder("kubectl get pods ")
                .append(query.scope().isAll() ? "-A" : "-n " + query.scope().namespace()).append(" -o wide");
        if (!query.selector().isEmpty()) {
            command.append(" -l ").append(shellWord(query.selector().text()));
        }
        boolean defaultOrder = query.sort() == (query.scope().isAll() ? PodQuery.Sort.NAMESPACE : PodQuery.Sort.NAME);
        if (!query.descending() && !defaultOrder && query.sort().kubectlField() != null) {
            command.append(" --sort-by=").append(query.sort().kubectlField());
        }
        if (!query.filter().isEmpty()) {
            command.append(" | grep -i -- ").append(shellWord(query.filter()));
        }
        return command.toString();
    }

    /** A word as a shell reads it: bare when it is plainly safe, else in single quotes. */
    static String shellWord(String text) {
        return text.matches("[A-Za-z0-9=,._/:@+-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    public PodDetail detail(String namespace, String name) {
        Pod pod = store.get(namespace, name);
        Pod.Spec spec = pod.spec();
        Pod.Status status = pod.status();
        List<PodDetail.TokenVolume> tokenVolumes = tokenVolumes(spec);
        List<PodDetail.ContainerView> containers = new ArrayList<>();
        for (Pod.Container c : spec.initContainers()) {
            containers.add(container(c, c.sidecar() ? "sidecar" : "init", status.initContainerStatuses()));
        }
        for (Pod.Container c : spec.containers()) {
            containers.add(container(c, "container", status.containerStatuses()));
        }
        List<PodDetail.ConditionView> conditions = status.conditions().stream()
                .map(c -> new PodDetail.ConditionView(c.type(), nullToEmpty(c.status()), nullToEmpty(c.reason()),
                        nullToEmpty(c.message()), c.lastTransitionTime() == null ? "" : UTC.format(c.lastTransitionTime())))
                .toList();
        List<String> ips = status.podIPs().stream().map(Pod.PodIP::ip).filter(ip -> ip != null && !ip.isEmpty()).toList();
        Boolean automount = spec.automountServiceAccountToken();
        String automountText = automount == null ? "not set (the ServiceAccount decides; true by default)" : automount.toString();
        String serviceAccount = spec.serviceAccountName() == null ? "default" : spec.serviceAccountName();
        return new PodDetail(pod.name(), pod.metadata().namespace(), nullToEmpty(pod.metadata().uid()), printer.row(pod),
                status.phase(), status.reason(), nullToEmpty(status.message()), nullToEmpty(status.qosClass()),
                pod.metadata().creationTimestamp() == null ? "" : UTC.format(pod.metadata().creationTimestamp()),
                spec.nodeName().isEmpty() ? "<none>" : spec.nodeName(), nullToEmpty(status.hostIP()), ips,
                serviceAccount, automountText, tokenVolumes.stream().anyMatch(v -> !v.mountPaths().isEmpty()),
                tokenVolumes, containers, conditions, pod.metadata().labels(),
                "kubectl get pod " + pod.name() + " -n " + pod.metadata().namespace() + " -o yaml");
    }

    private static List<PodDetail.TokenVolume> tokenVolumes(Pod.Spec spec) {
        List<PodDetail.TokenVolume> result = new ArrayList<>();
        for (Pod.Volume volume : spec.volumes()) {
            if (volume.projected() == null) {
                continue;
            }
            Pod.ServiceAccountTokenProjection token = null;
            String configMap = "";
            String namespaceFile = "";
            for (Pod.ProjectedSource source : volume.projected().sources()) {
                if (source.serviceAccountToken() != null) {
                    token = source.serviceAccountToken();
                }
                if (source.configMap() != null) {
                    configMap = nullToEmpty(source.configMap().name());
                }
                if (source.downwardAPI() != null) {
                    namespaceFile = source.downwardAPI().items().stream()
                            .filter(i -> i.fieldRef() != null && "metadata.namespace".equals(i.fieldRef().fieldPath()))
                            .map(Pod.DownwardApiItem::path).findFirst().orElse(namespaceFile);
                }
            }
            if (token == null) {
                continue;
            }
            Map<String, Boolean> mounts = new LinkedHashMap<>();
            for (Pod.Container c : allContainers(spec)) {
                for (Pod.VolumeMount mount : c.volumeMounts()) {
                    if (volume.name().equals(mount.name()) && mount.mountPath() != null) {
                        mounts.put(mount.mountPath() + " (" + c.name() + ")", Boolean.TRUE);
                    }
                }
            }
            result.add(new PodDetail.TokenVolume(volume.name(), volume.name().startsWith("kube-api-access-"),
                    List.copyOf(mounts.keySet()), Optional.ofNullable(token.path()).orElse("token"),
                    token.expirationSeconds(), nullToEmpty(token.audience()), configMap, namespaceFile));
        }
        return result;
    }

    private static List<Pod.Container> allContainers(Pod.Spec spec) {
        List<Pod.Container> all = new ArrayList<>(spec.initContainers());
        all.addAll(spec.containers());
        return all;
    }

    private PodDetail.ContainerView container(Pod.Container c, String kind, List<Pod.ContainerStatus> statuses) {
        Pod.ContainerStatus st = statuses.stream().filter(s -> s.name().equals(c.name())).findFirst().orElse(null);
        if (st == null) {
            return new PodDetail.ContainerView(c.name(), kind, c.image(), "Unknown", "no status reported yet", false, 0, "");
        }
        String state;
        String reason;
        Pod.ContainerState s = st.state();
        if (s.running() != null) {
            state = "Running";
            reason = s.running().startedAt() == null ? "" : "since " + UTC.format(s.running().startedAt());
        } else if (s.waiting() != null) {
            state = "Waiting";
            reason = join(s.waiting().reason(), s.waiting().message());
        } else if (s.terminated() != null) {
            state = "Terminated";
            reason = terminated(s.terminated());
        } else {
            state = "Unknown";
            reason = "";
        }
        String last = st.lastState().terminated() == null ? "" : terminated(st.lastState().terminated());
        return new PodDetail.ContainerView(c.name(), kind, c.image(), state, reason, st.ready(), st.restartCount(), last);
    }

    private String terminated(Pod.Terminated t) {
        String when = t.finishedAt() == null ? "" : " at " + UTC.format(t.finishedAt())
                + " (" + KubectlDuration.since(t.finishedAt(), clock.instant()) + " ago)";
        String reason = t.reason().isEmpty() ? "" : t.reason() + ", ";
        String signal = t.signal() != 0 ? ", signal " + t.signal() : "";
        return reason + "exit code " + t.exitCode() + signal + when + (t.message() == null ? "" : ": " + t.message());
    }

    private static String join(String a, String b) {
        if (b == null || b.isEmpty()) {
            return a;
        }
        return a.isEmpty() ? b : a + ": " + b;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
