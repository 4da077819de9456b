package org.dataembassy.portal.replication.crypto;

/** Kinds of sealed items; the code is part of the associated data. */
public enum ObjectType {
    CHUNK(1), PACK_HEADER(2), INDEX(3), MANIFEST(4);

    private final int code;

    ObjectType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
