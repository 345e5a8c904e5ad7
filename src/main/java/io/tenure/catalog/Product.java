package io.tenure.catalog;

/** A cloud service the operator sells, such as KooDrive; its plans say how it is sold. Immutable. */
public record Product(String code, String name) {}
