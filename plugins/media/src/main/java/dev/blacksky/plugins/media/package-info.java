/** Media: {@code !qr <text>} answers with a QR-code image, the example of sending media from bytes. */
package dev.blacksky.plugins.media;
