package io.oteldoctor.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Titles, fixes, explanations and check commands for every cause id, keyed by id, and the
 * calibration that turns the rules' raw confidence into the confidence a report states.
 */
public final class CauseCatalogue {

    public static final String BUNDLED = "io/oteldoctor/catalogue/causes.json";

    /** The cause ids that are public API; changing one is a breaking change of the report schema. */
    public static final Set<String> STABLE_IDS = Set.of("network", "endpoint", "tls", "auth", "backend", "protocol",
            "resources", "queue-full", "batch-timeout", "unknown");

    private final Map<String, CauseEntry> byId;
    private final Calibration calibration;

    private CauseCatalogue(Map<String, CauseEntry> byId, Calibration calibration) {
        this.byId = byId;
        this.calibration = calibration;
    }

    private CauseCatalogue(List<CauseEntry> causes, Calibration calibration) {
        Map<String, CauseEntry> map = new LinkedHashMap<>();
        for (CauseEntry c : causes) {
            if (map.put(c.id(), c) != null) {
                throw new IllegalStateException("cause listed twice in the catalogue: " + c.id());
            }
        }
        for (String id : STABLE_IDS) {
            if (!map.containsKey(id)) {
                throw new IllegalStateException("the catalogue lacks the stable cause id " + id);
            }
        }
        this.byId = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map)); // ids() in catalogue order
        this.calibration = calibration;
    }

    public static CauseCatalogue bundled() {
        try (InputStream in = CauseCatalogue.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("no cause catalogue on the class path (" + BUNDLED + ")");
            }
            return new CauseCatalogue(CatalogueJson.causes(in), Calibration.bundled());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the cause catalogue: " + e.getMessage(), e);
        }
    }

    public CauseEntry get(String id) {
        CauseEntry e = byId.get(id);
        if (e == null) {
            throw new IllegalArgumentException("cause not in the catalogue: " + id);
        }
        return e;
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    public Calibration calibration() {
        return calibration;
    }

    /** The same causes with another calibration; fitting one needs the raw confidence ({@link Calibration#IDENTITY}). */
    public CauseCatalogue withCalibration(Calibration other) {
        return new CauseCatalogue(byId, other);
    }
}
