package dev.sightline.platform.views;

import java.util.List;

/** One page of a listing and the total that matched. */
public record PageOf<T>(long total, int page, int size, List<T> items) {}
