/**
 * The bundled data and one registry of it ({@link io.rnnsuite.datasets.DatasetRegistry}): name,
 * description, licence, origin and SHA-256 of every dataset, and loaders that return plain Java
 * values (no DL4J types). Nothing is downloaded at run time: time series are committed figures,
 * text corpora are resources of Maven artifacts resolved at build time.
 */
package io.rnnsuite.datasets;
