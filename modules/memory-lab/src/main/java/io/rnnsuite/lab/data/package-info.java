/** Synthetic long-range-memory tasks generated in code: the adding problem and the copy-memory task. */
package io.rnnsuite.lab.data;
