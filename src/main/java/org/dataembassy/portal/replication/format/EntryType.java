package org.dataembassy.portal.replication.format;

/** Kinds of manifest entries. Special files (fifos, devices, sockets) are never recorded. */
public enum EntryType {
    FILE(1), DIRECTORY(2), SYMLINK(3);

    private final int code;

    EntryType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static EntryType of(int code) {
        for (EntryType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
