package org.dataembassy.portal.api.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.dataembassy.portal.api.ProblemType;
import org.dataembassy.portal.api.Problems;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;

/**
 * Reads an API request body strictly: at most the size limit, UTF-8 without a byte-order mark, exactly one JSON
 * value (no trailing tokens, comments or duplicate keys), at most 32 levels deep, no nulls, then binds it without
 * coercion ({@code "1"} is not a number, {@code 1} is not a string, {@code 1.0} is not a whole number) and without
 * unknown fields. Every refusal is a {@link RefusedBody} naming the field or the line and column.
 */
final class StrictJsonReader {

    static final int MAX_DEPTH = 32;

    private final ObjectMapper mapper;
    private final int maxBytes;

    StrictJsonReader(ObjectMapper base, int maxBytes) {
        this.maxBytes = maxBytes;
        this.mapper = base.copy()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS, DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(maxBytes).build());
    }

    Object read(Type type, HttpInputMessage input) throws IOException {
        charset(input);
        byte[] body = input.getBody().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw RefusedBody.of(Problems.of(ProblemType.TOO_LARGE, "The body is larger than " + BodyLimit.describe(maxBytes)
                    + ", the most the API accepts. Nothing was changed."), input);
        }
        encoding(body, input);
        JsonNode tree = tree(body, input);
        Map<String, String> refusals = JsonTreeCheck.refusals(tree);
        if (!refusals.isEmpty()) {
            throw RefusedBody.invalid(refusals, input);
        }
        try {
            return mapper.readerFor(mapper.constructType(type)).readValue(tree);
        } catch (JsonMappingException e) {
            Map.Entry<String, String> error = BindingErrors.describe(e, tree);
            throw RefusedBody.invalid(Map.of(error.getKey(), error.getValue()), input);
        }
    }

    private JsonNode tree(byte[] body, HttpInputMessage input) throws IOException {
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw RefusedBody.malformed(JsonTreeCheck.ROOT, "the body is empty; send a JSON object", input);
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw RefusedBody.invalid(Map.of(JsonTreeCheck.ROOT, "nested more than " + MAX_DEPTH
                    + " levels deep, or a value too long"), input);
        } catch (JsonParseException e) {
            String pointer = e.getProcessor() == null ? "" : e.getProcessor().getParsingContext().pathAsPointer().toString();
            String what = first(e.getOriginalMessage());
            if (what.startsWith("Duplicate field")) {
                throw RefusedBody.malformed(JsonPointers.toPath(pointer), "duplicate key: a key appears twice in the same object", input);
            }
            throw RefusedBody.malformed(JsonTreeCheck.ROOT, what + at(e, pointer), input);
        } catch (JsonProcessingException e) {
            String what = first(e.getOriginalMessage());
            throw RefusedBody.malformed(JsonTreeCheck.ROOT, (what.startsWith("Trailing token")
                    ? "content after the JSON value" : what) + at(e, ""), input);
        }
    }

    private static void charset(HttpInputMessage input) {
        MediaType type = input.getHeaders().getContentType();
        Charset charset = type == null ? null : type.getCharset();
        if (charset != null && !StandardCharsets.UTF_8.equals(charset)) {
            throw RefusedBody.of(Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The body must be UTF-8 JSON (application/json"
                    + " without a charset, or charset=UTF-8), not " + charset.name() + ". Nothing was changed."), input);
        }
    }

    private static void encoding(byte[] body, HttpInputMessage input) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            throw RefusedBody.malformed(JsonTreeCheck.ROOT, "the body starts with a byte-order mark (U+FEFF); send UTF-8"
                    + " JSON without one", input);
        }
        for (byte b : body) {
            if (b == 0) {
                throw RefusedBody.malformed(JsonTreeCheck.ROOT, "the body contains NUL bytes: it is not UTF-8 JSON"
                        + " (UTF-16 and UTF-32 are refused)", input);
            }
        }
        if (body.length >= 2 && ((body[0] & 0xff) == 0xfe || (body[0] & 0xff) == 0xff)) {
            throw RefusedBody.malformed(JsonTreeCheck.ROOT, "the body starts with a UTF-16 byte-order mark; send UTF-8 JSON", input);
        }
    }

    /** Jackson's own sentence up to its first hint ("…: was expecting …", "(… enable …)"). */
    private static String first(String message) {
        String m = message == null ? "unreadable" : message.replace('\n', ' ');
        int cut = m.indexOf(": ");
        m = cut > 0 ? m.substring(0, cut) : m;
        int hint = m.indexOf(" (");
        return BindingErrors.abbreviate(hint > 0 && m.contains("enable") ? m.substring(0, hint) : m);
    }

    private static String at(JsonProcessingException e, String pointer) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return where + (pointer.isEmpty() ? "" : " (in " + JsonPointers.toPath(pointer) + ")");
    }
}
