package io.memberhub.platform.market;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A zip archive's central directory: what readers that open the archive by its index (a jar on the
 * class path, an unzip tool) see, which need not be what its entries say one after the other (what
 * {@link java.util.zip.ZipInputStream} reads). The market compares the two and looks at what only
 * the index carries: an entry's Unix file type, where a symbolic link would hide.
 */
record ZipDirectory(List<Entry> entries) {

    /** One entry as the index describes it. */
    record Entry(String name, long declaredSize, boolean symbolicLink) {
    }

    /** Why an archive's index cannot be read. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_SIZE = 22;
    private static final int UNIX = 3;
    private static final int FILE_TYPE = 0170000;
    private static final int SYMBOLIC_LINK = 0120000;

    static ZipDirectory read(byte[] zip) throws Unreadable {
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = endOfDirectory(bytes);
        int count = Short.toUnsignedInt(bytes.getShort(end + 10));
        long size = Integer.toUnsignedLong(bytes.getInt(end + 12));
        long offset = Integer.toUnsignedLong(bytes.getInt(end + 16));
        if (count == 0xffff || offset == 0xffffffffL || size == 0xffffffffL) {
            throw new Unreadable("is a ZIP64 archive, which a package never needs");
        }
        if (offset + size > end) {
            throw new Unreadable("has a central directory outside the archive");
        }
        List<Entry> entries = new ArrayList<>(count);
        int at = (int) offset;
        for (int i = 0; i < count; i++) {
            if (at + 46 > end || bytes.getInt(at) != ENTRY_SIGNATURE) {
                throw new Unreadable("has a damaged central directory");
            }
            int madeBy = Short.toUnsignedInt(bytes.getShort(at + 4)) >>> 8;
            long declared = Integer.toUnsignedLong(bytes.getInt(at + 24));
            int nameLength = Short.toUnsignedInt(bytes.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(bytes.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(bytes.getShort(at + 32));
            int mode = bytes.getInt(at + 38) >>> 16;
            if (at + 46 + nameLength > end) {
                throw new Unreadable("has a damaged central directory");
            }
            String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
            entries.add(new Entry(name, declared, madeBy == UNIX && (mode & FILE_TYPE) == SYMBOLIC_LINK));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return new ZipDirectory(List.copyOf(entries));
    }

    private static int endOfDirectory(ByteBuffer bytes) throws Unreadable {
        int last = bytes.limit() - END_SIZE;
        for (int at = last; at >= 0 && at >= last - 0xffff; at--) {
            if (bytes.getInt(at) == END_SIGNATURE && at + END_SIZE + Short.toUnsignedInt(bytes.getShort(at + 20)) == bytes.limit()) {
                return at;
            }
        }
        throw new Unreadable("has no central directory");
    }
}
