package org.dataembassy.portal.api.internal;

/** JSON Pointer ({@code /input/approvals/0}) to the API's path notation ({@code input.approvals[0]}). */
final class JsonPointers {

    private JsonPointers() {
    }

    static String toPath(String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
            return JsonTreeCheck.ROOT;
        }
        String path = JsonTreeCheck.ROOT;
        for (String segment : pointer.substring(1).split("/", -1)) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            path = name.matches("\\d{1,9}") && !JsonTreeCheck.ROOT.equals(path)
                    ? JsonTreeCheck.item(path, Integer.parseInt(name)) : JsonTreeCheck.child(path, name);
        }
        return path;
    }
}
