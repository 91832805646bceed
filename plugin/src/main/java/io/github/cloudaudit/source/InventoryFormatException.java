package io.github.cloudaudit.source;

import io.github.cloudaudit.model.Origin;

/** An inventory file that cannot be read as what it claims to be; the message names file, line, column and what was expected. */
public class InventoryFormatException extends RuntimeException {

    private final String file;
    private final long line;
    private final long column;

    public InventoryFormatException(String file, long line, long column, String message) {
        super(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** An error about an item read from this origin: its file, line and column, or the API call that answered it. */
    public static InventoryFormatException at(Origin origin, String message) {
        return origin.isFile() ? new InventoryFormatException(origin.file(), origin.line(), origin.column(), message)
                : new InventoryFormatException(origin.describe(), 0, 0, message);
    }

    public String file() { return file; }
    public long line() { return line; }
    public long column() { return column; }
}
