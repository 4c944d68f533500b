/**
 * Files an app leaves behind: atomic writes, the {@code run.json} provenance record beside every
 * {@code model.zip}, and model directories that refuse to load what another app wrote.
 */
package io.rnnsuite.common.io;
