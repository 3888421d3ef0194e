package dev.sightline.platform.inventory;

import java.util.List;

/** A raw record that could not be mapped, with every reason. */
public record Rejection(String recordKey, List<String> reasons) {}
