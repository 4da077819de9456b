package org.dataembassy.portal.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bodies that are not one well-formed UTF-8 JSON object, made from an endpoint's valid body: truncated, with
 * trailing tokens, with a byte-order mark or another encoding, not an object at all, nested too deep, a huge array.
 * Every one must be a 400 (for an endpoint that takes no body: "must be empty").
 */
final class SyntaxFamilies {

    record Body(String family, byte[] bytes) {
    }

    private SyntaxFamilies() {
    }

    static List<Body> of(String valid) {
        List<Body> bodies = new ArrayList<>();
        Set<Integer> cuts = new TreeSet<>(List.of(1, 2, valid.length() / 4, valid.length() / 2, 3 * valid.length() / 4,
                valid.length() - 1));
        for (int cut : cuts) {
            if (cut > 0 && cut < valid.length() && !valid.substring(0, cut).isBlank()) {
                bodies.add(new Body("truncated-json", utf8(valid.substring(0, cut))));
            }
        }
        for (String tail : List.of("xyz", " {}", "]", ",", " // comment", " null", "\"")) {
            bodies.add(new Body("trailing-tokens", utf8(valid + tail)));
        }
        bodies.add(new Body("duplicate-keys", utf8("{\"dup\":1,\"dup\":2}")));
        bodies.add(new Body("byte-order-mark", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8(valid))));
        bodies.add(new Body("byte-order-mark", concat(new byte[] {(byte) 0xff, (byte) 0xfe},
                valid.getBytes(StandardCharsets.UTF_16LE))));
        bodies.add(new Body("byte-order-mark", valid.getBytes(StandardCharsets.UTF_16BE)));
        bodies.add(new Body("invalid-utf8", concat(utf8("{\"a"), new byte[] {(byte) 0xc3, (byte) 0x28}, utf8("\":1}"))));
        bodies.add(new Body("invalid-utf8", concat(utf8("{\"a\":\""), new byte[] {(byte) 0xff}, utf8("\"}"))));
        for (String notAnObject : List.of("[]", "[" + valid + "]", "\"text\"", "123", "true", "null", "\"\"", "   ")) {
            bodies.add(new Body("not-an-object", utf8(notAnObject)));
        }
        bodies.add(new Body("deep-nesting", utf8("[".repeat(40) + "]".repeat(40))));
        bodies.add(new Body("deep-nesting", utf8("{\"a\":".repeat(100) + "1" + "}".repeat(100))));
        bodies.add(new Body("deep-nesting", utf8("[".repeat(50_000))));
        bodies.add(new Body("huge-array", utf8("[" + "0,".repeat(99_999) + "0]")));
        return bodies;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
