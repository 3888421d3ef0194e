package dev.sightline.server.about;

/**
 * Which Sightline answers: its build and the database schema it runs on.
 *
 * @param version the release version
 * @param commit the git commit it was built from ({@code unknown} outside a git checkout)
 * @param buildTime when it was built (ISO-8601, UTC)
 * @param schemaVersion the database schema's version, as Flyway last applied it
 */
record AboutResponse(String version, String commit, String buildTime, String schemaVersion) {}
