/** Report pieces: markdown tables and PNG line charts (headless). */
package io.rnnsuite.common.report;
