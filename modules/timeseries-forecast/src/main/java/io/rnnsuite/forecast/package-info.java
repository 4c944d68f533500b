/** Forecasting app (in progress). */
package io.rnnsuite.forecast;
