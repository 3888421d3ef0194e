/**
 * The declarative transform-map engine: a {@link dev.sightline.mapping.TransformMap} turns one raw
 * vendor record (a Jackson 2 tree, because the JMESPath library works on those) into typed
 * canonical target fields.
 *
 * <p>Maps are data: JSON files whose rows pair a JMESPath source expression with a target of the
 * canonical model ({@link dev.sightline.mapping.CanonicalFields}). A map is validated once, when it
 * is loaded or saved, and every problem is reported at once; applying a valid map to a record never
 * throws, whatever the record holds. See the module's README for the file format.
 */
package dev.sightline.mapping;
