/** Reading series (DataVec), chronological splits, normalisation and sliding windows. */
package io.rnnsuite.forecast.data;
