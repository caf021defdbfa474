package org.qartalign.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SQLite errors a full or read-only disk gives reach the user in words, not as SQLite's own codes. */
class DatabaseErrorsTest {
    @ParameterizedTest
    @EnumSource(value = SQLiteErrorCode.class, names = {"SQLITE_FULL", "SQLITE_READONLY", "SQLITE_IOERR_SHMSIZE",
            "SQLITE_IOERR_WRITE", "SQLITE_IOERR", "SQLITE_READONLY_DBMOVED", "SQLITE_CANTOPEN", "SQLITE_BUSY"})
    void diskAndLockErrorsAreExplainedInWords(SQLiteErrorCode code) {
        String explained = Database.explain(new SQLiteException("[" + code.name() + "] " + code.message, code));
        assertFalse(explained.startsWith("["), explained);
        assertTrue(explained.contains("nothing") || explained.contains("cannot be opened"), explained);
    }
}
