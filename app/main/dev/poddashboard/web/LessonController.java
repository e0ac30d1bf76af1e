package dev.poddashboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.lesson.Labs;
import dev.poddashboard.lesson.LessonService;
import dev.poddashboard.lesson.Step;
import dev.poddashboard.token.TokenDecoder;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /lesson} and {@code /api/lesson}: the lesson's steps and their states on this cluster; {@code /api/lab}:
 * the bound-token lab (POST a token, GET its timeline every few seconds, DELETE to forget it). Lab requests are
 * rate-limited with the other questions to the API server, and a lab answers only the browser that opened it.
 */
final class LessonController {
    private final LessonService lesson;
    private final ObjectMapper mapper;
    private final RateLimit questions;

    LessonController(LessonService lesson, ObjectMapper mapper, RateLimit questions) {
        this.lesson = lesson;
        this.mapper = mapper;
        this.questions = questions;
    }

    /** A step as the page draws it: its page link made concrete, its commands with ids for the copy buttons. */
    record StepView(Step step, int number, String page, List<Command> commands) {
    }

    record Command(String id, String text) {
    }

    void page(Context ctx) {
        ClientId.of(ctx); // the lab answers only the browser that opened it
        LessonService.View view = lesson.current();
        List<StepView> steps = new ArrayList<>();
        for (int i = 0; i < view.steps().size(); i++) {
            Step step = view.steps().get(i);
            List<Command> commands = new ArrayList<>();
            for (int c = 0; c < step.commands().size(); c++) {
                commands.add(new Command("cmd-" + step.id() + "-" + c, step.commands().get(c)));
            }
            steps.add(new StepView(step, i + 1, page(step.page(), view.ownPod()), commands));
        }
        ctx.header("Cache-Control", "no-store");
        ctx.render("lesson/page", Map.of("view", view, "steps", steps, "maxLength", TokenDecoder.MAX_LENGTH,
                "labsPerBrowser", Labs.PER_BROWSER, "checked", dev.poddashboard.lesson.Lesson.TIME.format(view.checkedAt())));
    }

    /** A step's page with the dashboard's own pod filled in ("/pods/{pod}/logs"); the pod list while it is unknown. */
    private static String page(String page, String ownPod) {
        if (!page.startsWith("/pods/{pod}")) {
            return page;
        }
        return ownPod.isEmpty() ? "/" : page.replace("{pod}", ownPod);
    }

    void json(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(lesson.current());
    }

    /** {@code POST /api/lab}: {"token": "...", "audience": "..."}; 201 with the lab, never the token. */
    void openLab(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String raw = ctx.body(); // read first: a refusal must not leave it unread
        questions.take(ctx);
        PastedToken pasted = PastedToken.fromJson(mapper, raw);
        String token = pasted.token();
        if (token.isBlank()) {
            throw new BadRequest("send {\"token\": \"<jwt>\"}: a JSON object with the token as a string");
        }
        if (token.length() > TokenDecoder.MAX_LENGTH) {
            throw new BadRequest("the token is " + token.length() + " characters; at most " + TokenDecoder.MAX_LENGTH
                    + " (16 KiB) are accepted");
        }
        List<String> audiences = PastedToken.audiences(pasted.audience());
        try {
            Labs.LabView lab = lesson.labs().open(ClientId.of(ctx), token, audiences);
            ctx.status(201).json(lab);
        } catch (Labs.Refused refused) {
            if (refused.status() == 429) {
                ctx.header("Retry-After", Long.toString(Labs.IDLE.toSeconds()));
                ErrorPages.respond(ctx, ErrorView.simple(429, "Too many labs", refused.getMessage()),
                        Map.of("limit", refused.limit()));
                return;
            }
            throw new BadRequest(refused.getMessage());
        }
    }

    void pollLab(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Labs.LabView lab = lesson.labs().poll(ClientId.of(ctx), ctx.pathParam("id")).orElseThrow(() -> new Refused(
                ErrorView.simple(404, "No such lab", "This lab has ended (" + Labs.IDLE.toSeconds() + " s without its page, "
                        + Labs.LIFETIME.toMinutes() + " minutes in all, or forgotten), or it is another browser's.")));
        ctx.json(lab);
    }

    void forgetLab(Context ctx) {
        lesson.labs().forget(ClientId.of(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }
}
