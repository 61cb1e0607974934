package news.parallax.outlets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import news.parallax.model.Bias;
import news.parallax.model.Domains;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the registry's JSON form: {@code {"about": ..., "raters": [...], "outlets": [...]}}, one
 * outlet object per line so that diffs of the generated file stay readable.
 *
 * <p>An outlet object needs {@code name} and either {@code domain} or {@code id}; {@code bias} (a seven-point
 * label such as "lean-left") is optional and, when absent, comes from the {@code ratings} by
 * {@link RatingConsensus}.
 */
public final class RegistryFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryFile() {}

    /** Parses outlets; {@code origin} names the file in error messages. */
    public static List<Outlet> read(InputStream in, String origin) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new RegistryFormatException(origin + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("outlets").isArray()) {
            throw new RegistryFormatException(origin + ": expected an object with an \"outlets\" array");
        }
        List<Outlet> out = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.get("outlets")) {
            out.add(outlet(node, origin + ": outlets[" + index + "]"));
            index++;
        }
        return out;
    }

    private static Outlet outlet(JsonNode n, String where) {
        String name = text(n, "name");
        String domain = text(n, "domain");
        String id = text(n, "id");
        if (name == null || name.isBlank()) throw new RegistryFormatException(where + ": \"name\" is required");
        if ((domain == null || domain.isBlank()) && (id == null || id.isBlank())) {
            throw new RegistryFormatException(where + " (" + name + "): \"domain\" or \"id\" is required");
        }
        if (domain != null && !domain.isBlank()) {
            String given = domain;
            domain = Domains.outletKey(domain).orElseThrow(
                    () -> new RegistryFormatException(where + " (" + name + "): bad domain \"" + given + "\""));
        } else {
            domain = "";
        }
        if (id == null || id.isBlank()) id = domain;
        List<String> aliases = new ArrayList<>();
        for (JsonNode a : n.path("aliases")) aliases.add(a.asText());
        List<Outlet.Rating> ratings = new ArrayList<>();
        int i = 0;
        for (JsonNode r : n.path("ratings")) {
            String rater = text(r, "rater");
            String label = text(r, "bias");
            if (rater == null || label == null) {
                throw new RegistryFormatException(where + ".ratings[" + i + "]: \"rater\" and \"bias\" are required");
            }
            ratings.add(new Outlet.Rating(rater, label, text(r, "factuality"), text(r, "source"), text(r, "note")));
            i++;
        }
        String biasLabel = text(n, "bias");
        Bias bias;
        if (biasLabel != null) {
            bias = Bias.parse(biasLabel).orElseThrow(() -> new RegistryFormatException(
                    where + " (" + name + "): unknown bias \"" + biasLabel + "\"; use far-left, left, lean-left, center,"
                            + " lean-right, right or far-right"));
        } else {
            bias = RatingConsensus.of(ratings).orElse(null);
        }
        return new Outlet(domain, name, aliases, bias, text(n, "factuality"), text(n, "ownership"), text(n, "country"),
                ratings, id, text(n, "kind"), text(n, "homepage"), text(n, "owner"));
    }

    private static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Writes the header fields, then the outlets one per line. */
    public static void write(Writer out, ObjectNode header, List<Outlet> outlets) throws IOException {
        out.write("{\n");
        var fields = header.properties().iterator();
        while (fields.hasNext()) {
            var f = fields.next();
            out.write("  " + JSON.writeValueAsString(f.getKey()) + ": "
                    + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(f.getValue()).replace("\n", "\n  ") + ",\n");
        }
        out.write("  \"outlets\": [\n");
        for (int i = 0; i < outlets.size(); i++) {
            out.write("    " + JSON.writeValueAsString(toJson(outlets.get(i))));
            out.write(i + 1 < outlets.size() ? ",\n" : "\n");
        }
        out.write("  ]\n}\n");
    }

    static ObjectNode toJson(Outlet o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", o.id());
        n.put("domain", o.domain());
        n.put("name", o.name());
        if (!o.aliases().isEmpty()) {
            ArrayNode a = n.putArray("aliases");
            o.aliases().forEach(a::add);
        }
        putIfSet(n, "bias", o.bias() == null ? null : o.bias().key());
        putIfSet(n, "factuality", o.factuality());
        putIfSet(n, "ownership", o.ownership());
        putIfSet(n, "owner", o.owner());
        putIfSet(n, "country", o.country());
        putIfSet(n, "kind", o.kind());
        putIfSet(n, "homepage", o.homepage());
        ArrayNode rs = n.putArray("ratings");
        for (Outlet.Rating r : o.ratings()) {
            ObjectNode rn = rs.addObject();
            rn.put("rater", r.rater());
            rn.put("bias", r.bias());
            putIfSet(rn, "factuality", r.factuality());
            putIfSet(rn, "source", r.source());
            putIfSet(rn, "note", r.note());
        }
        return n;
    }

    private static void putIfSet(ObjectNode n, String field, @Nullable String value) {
        if (value != null) n.put(field, value);
    }

    static ObjectMapper json() {
        return JSON;
    }
}
