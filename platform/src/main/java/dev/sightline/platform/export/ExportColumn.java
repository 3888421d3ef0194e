package dev.sightline.platform.export;

/**
 * One column an export may carry: its name as the user asks for it ({@code columns=}) and the
 * whitelisted SQL that reads it over alias {@code a} (assets) or {@code f} (findings).
 */
record ExportColumn(String name, String sql) {}
