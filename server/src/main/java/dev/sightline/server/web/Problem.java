package dev.sightline.server.web;

/** One thing wrong with a request: the field it concerns and what to do about it. */
public record Problem(String field, String message) {}
