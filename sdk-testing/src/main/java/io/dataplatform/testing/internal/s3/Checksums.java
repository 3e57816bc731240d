package io.dataplatform.testing.internal.s3;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/**
 * S3's additional checksums (user guide, "Checking object integrity"): Base64 of the big-endian
 * CRC32 or CRC32C, or of the SHA-1 or SHA-256 digest. A multipart object's checksum is composite:
 * the checksum of the concatenated binary part checksums, then "-" and the part count.
 */
final class Checksums {
    private Checksums() {
    }

    /** Returns the algorithm a write asks for: the one named, else the one whose value it supplies, else null. */
    static ChecksumAlgorithm requested(ChecksumAlgorithm named, String crc32, String crc32c, String sha1, String sha256) {
        if (named != null) {
            return named;
        }
        return crc32 != null ? ChecksumAlgorithm.CRC32 : crc32c != null ? ChecksumAlgorithm.CRC32_C
                : sha1 != null ? ChecksumAlgorithm.SHA1 : sha256 != null ? ChecksumAlgorithm.SHA256 : null;
    }

    /** Returns the checksum of {@code data}, after checking the one the writer supplied, if any (400 BadDigest). */
    static String verified(ChecksumAlgorithm algorithm, byte[] data, String crc32, String crc32c, String sha1,
                           String sha256) {
        String computed = compute(algorithm, data);
        String supplied = switch (algorithm) {
            case CRC32 -> crc32;
            case CRC32_C -> crc32c;
            case SHA1 -> sha1;
            case SHA256 -> sha256;
            default -> null;
        };
        if (supplied != null && !supplied.equals(computed)) {
            throw S3Errors.badRequest("BadDigest", "The " + algorithm + " you specified did not match the calculated "
                    + "checksum.");
        }
        return computed;
    }

    static String compute(ChecksumAlgorithm algorithm, byte[] data) {
        byte[] raw = switch (algorithm) {
            case CRC32 -> crc(new CRC32(), data);
            case CRC32_C -> crc(new CRC32C(), data);
            case SHA1 -> digest("SHA-1", data);
            case SHA256 -> digest("SHA-256", data);
            default -> throw S3Errors.build(501, "NotImplemented",
                    "FakeAws S3 does not implement the checksum algorithm " + algorithm);
        };
        return Base64.getEncoder().encodeToString(raw);
    }

    /** The composite checksum of a multipart object from its parts' Base64 checksums. */
    static String composite(ChecksumAlgorithm algorithm, List<String> partChecksums) {
        ByteBuffer all = ByteBuffer.allocate(partChecksums.size() * 32);
        partChecksums.forEach(c -> all.put(Base64.getDecoder().decode(c)));
        byte[] joined = new byte[all.position()];
        all.flip().get(joined);
        return compute(algorithm, joined) + "-" + partChecksums.size();
    }

    private static byte[] crc(Checksum crc, byte[] data) {
        crc.update(data, 0, data.length);
        return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    }

    private static byte[] digest(String name, byte[] data) {
        try {
            return MessageDigest.getInstance(name).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform supports " + name, e);
        }
    }
}
