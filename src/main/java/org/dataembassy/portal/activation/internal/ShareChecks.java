package org.dataembassy.portal.activation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.dataembassy.portal.replication.DatasetReplication;
import org.dataembassy.portal.replication.ShareException;
import org.dataembassy.portal.replication.ShareInfo;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Checks a key share given with an approval against the latest key ceremony: a share is needed once a
 * ceremony was held (none before), and it must be exactly the one handed to this member (same split, their
 * index, the same text by its SHA-256). Errors are keyed {@code keyShare} and never repeat the share.
 */
@Component
public class ShareChecks {

    public static final String FIELD = "keyShare";

    private final CeremonyStore ceremonies;
    private final DatasetReplication replication;

    ShareChecks(CeremonyStore ceremonies, DatasetReplication replication) {
        this.ceremonies = ceremonies;
        this.replication = replication;
    }

    /** The share to hold in memory, or empty when no ceremony was held (the local KEK file will be used). */
    public Optional<String> check(String member, String share) {
        boolean given = share != null && !share.isBlank();
        Optional<CeremonyStore.Ceremony> ceremony = ceremonies.latest();
        if (ceremony.isEmpty()) {
            if (given) {
                throw InvalidInputException.of(FIELD, "No key ceremony has been held: leave the key share empty");
            }
            return Optional.empty();
        }
        if (!given) {
            throw InvalidInputException.of(FIELD, "Enter your key share from the key ceremony of "
                    + ceremony.get().performedAt().toString().substring(0, 10));
        }
        CeremonyStore.HeldShare held = ceremonies.heldBy(ceremony.get().id(), member).orElseThrow(() ->
                InvalidInputException.of(FIELD, "You were not handed a share in the latest key ceremony"));
        ShareInfo info;
        try {
            info = replication.inspectShare(share);
        } catch (ShareException e) {
            throw InvalidInputException.of(FIELD, "Not a valid key share (mistyped or damaged)");
        }
        if (!info.setId().equals(ceremony.get().setId())) {
            throw InvalidInputException.of(FIELD, "This share belongs to an earlier key ceremony");
        }
        if (info.index() != held.index() || !checkValue(share).equals(held.check())) {
            throw InvalidInputException.of(FIELD, "This is not the share you were handed");
        }
        return Optional.of(share.strip());
    }

    public boolean ceremonyHeld() {
        return ceremonies.latest().isPresent();
    }

    /** SHA-256 (hex) of the share text: what the ceremony stores instead of the share. */
    public static String checkValue(String share) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(share.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
