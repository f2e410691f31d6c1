package dev.blacksky.core.session;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A stand-in for Cobalt's decoders in the torture test, so its child JVM needs nothing but the JDK: a file is
 * {@code version, length, payload, CRC32} and loads only if all of it is there and the checksum matches.
 */
final class VersionedFileCheck implements SessionFileCheck {

    @Override
    public List<String> requiredFiles() {
        return List.of("keys.proto", "store.proto");
    }

    @Override
    public void check(String fileName, byte[] bytes) {
        version(bytes);
    }

    static byte[] encode(long version, int payloadSize) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + 4 + payloadSize + 8);
        buffer.putLong(version).putInt(payloadSize);
        for (int i = 0; i < payloadSize; i++) {
            buffer.put((byte) (version * 31 + i));
        }
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putLong(crc.getValue());
        return buffer.array();
    }

    static long version(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long version = buffer.getLong();
        int size = buffer.getInt();
        if (size < 0 || bytes.length != 8 + 4 + size + 8) {
            throw new IllegalArgumentException("truncated: " + bytes.length + " bytes for a payload of " + size);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, 12 + size);
        if (crc.getValue() != ByteBuffer.wrap(bytes, 12 + size, 8).getLong()) {
            throw new IllegalArgumentException("checksum mismatch");
        }
        return version;
    }
}
