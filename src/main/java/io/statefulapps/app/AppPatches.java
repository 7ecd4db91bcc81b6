package io.statefulapps.app;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statefulapps.cluster.AppPatcher;
import io.statefulapps.cluster.LiveAppReader;
import io.statefulapps.cluster.PartialChangeException;
import io.statefulapps.cluster.WatchCache;
import io.statefulapps.live.AppVersion;
import io.statefulapps.live.LiveApp;
import io.statefulapps.problem.ProblemException;
import io.statefulapps.render.Trio;
import io.statefulapps.render.TrioChanges;
import io.statefulapps.render.TrioDiff;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.AppSpecDefaults;
import io.statefulapps.spec.AppSpecValidator;
import io.statefulapps.spec.DerivedDefaults;
import io.statefulapps.spec.FieldError;
import io.statefulapps.spec.ImmutableFieldRules;
import io.statefulapps.spec.MalformedSpecException;
import io.statefulapps.spec.MergePatch;
import io.statefulapps.spec.Utf8Text;
import io.statefulapps.spec.ParsedSpec;
import io.statefulapps.spec.SpecParser;
import io.statefulapps.spec.VolumeGrowth;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;

/**
 * PATCH of an app: the merge patch applied to the spec read back from the live objects, checked
 * exactly like a POST plus the rules of change ({@link ImmutableFieldRules}, {@link VolumeGrowth}),
 * then only the objects that differ written.
 */
@ApplicationScoped
public class AppPatches {

    /** The app after the change (or unchanged), and its ETag. */
    public record Outcome(AppView view, String etag, List<String> stepsDone) {
    }

    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final SpecParser parser = new SpecParser();
    private final AppSpecValidator validator = new AppSpecValidator();
    private final TrioDiff diff = new TrioDiff();
    private final LiveAppReader reader;
    private final AppPatcher patcher;
    private final AppViews views;
    private final WatchCache cache;

    public AppPatches(LiveAppReader reader, AppPatcher patcher, AppViews views, WatchCache cache) {
        this.reader = reader;
        this.patcher = patcher;
        this.views = views;
        this.cache = cache;
    }

    public Outcome patch(String namespace, String name, String ifMatch, byte[] body) {
        SpecIntake.requireNamespace(namespace);
        ChangeProblems.requirePossibleName(namespace, name);
        JsonNode patch = readPatch(body);
        // Writes start from the latest state, never from the cache.
        LiveApp live = reader.read(namespace, name);
        if (finishPendingReplacement(live)) {
            live = reader.read(namespace, name);
        }
        if (!live.exists()) {
            throw new ProblemException(ChangeProblems.notFound(namespace, name));
        }
        if (!AppVersion.matches(ifMatch, live)) {
            throw new ProblemException(ChangeProblems.stale(namespace, name, AppVersion.etagOf(live)));
        }
        AppSpec current = views.specOf(live);
        JsonNode patched = MergePatch.apply(parser.toTree(current), patch);
        ParsedSpec parsed = SpecIntake.parse(() -> parser.parse(DerivedDefaults.forgetStale(patched, patch)),
                validator);
        List<FieldError> errors = SpecIntake.brokenRules(parsed, validator);
        AppSpec proposed = AppSpecDefaults.apply(parsed.spec());
        errors.addAll(ImmutableFieldRules.check(name, current, proposed));
        List<VolumeGrowth.Grown> grown = VolumeGrowth.of(current, proposed);
        if (errors.isEmpty()) {
            errors.addAll(VolumeGrowth.refusals(grown, patcher::storageClassOf, patcher::allowsExpansion));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ChangeProblems.refusedChange(errors));
        }
        Trio liveTrio = live.trio();
        TrioChanges changes = diff.between(namespace, liveTrio, current, proposed);
        if (changes.isEmpty() && grown.isEmpty()) {
            return new Outcome(views.viewAfterWrite(cache.complete(live)), AppVersion.etagOf(live), List.of());
        }
        boolean conditional = ifMatch != null && !ifMatch.isBlank();
        List<String> done;
        try {
            done = patcher.apply(namespace, name, liveTrio, changes, grown, conditional);
        } catch (PartialChangeException e) {
            throw new ProblemException(ChangeProblems.partialChange(e, conditional));
        }
        LiveApp written = reader.read(namespace, name);
        return new Outcome(views.viewAfterWrite(cache.complete(written)), AppVersion.etagOf(written), done);
    }

    /** An earlier PATCH that failed while replacing the StatefulSet is finished first. */
    private boolean finishPendingReplacement(LiveApp live) {
        try {
            return patcher.finishPendingReplacement(live);
        } catch (PartialChangeException e) {
            throw new ProblemException(ChangeProblems.partialChange(e, false));
        }
    }

    /** A merge patch of an app is a JSON object (anything else would replace the whole spec). */
    private JsonNode readPatch(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedSpecException("", "the body is empty: expected a JSON merge patch (an object)", null);
        }
        Utf8Text.require(body);
        JsonNode patch;
        try {
            patch = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedSpecException("", "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedSpecException("", "unreadable body: " + e.getMessage(), e);
        }
        if (patch == null || !patch.isObject()) {
            throw new MalformedSpecException("", "a merge patch of an app must be a JSON object, not "
                    + (patch == null ? "nothing" : patch.getNodeType().name().toLowerCase()), null);
        }
        return patch;
    }
}
