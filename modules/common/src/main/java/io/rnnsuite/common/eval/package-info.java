/** Metrics shared by the apps, each checked against hand-computed values in the tests. */
package io.rnnsuite.common.eval;
