package org.qartalign.cli;

import picocli.CommandLine.IVersionProvider;

/** The app's version, from the jar manifest (or "dev" when run from classes). */
public final class Version implements IVersionProvider {
    public static String current() {
        return org.qartalign.core.AppVersion.current();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"QArt Align " + current()};
    }
}
