/** Speech recognition on the app contract: spoken words (isolated) and digit strings (CTC) from audio. */
package io.rnnsuite.speech;
