package io.eave.firmware;

/**
 * One bundled board image, as the manifest describes it.
 *
 * @param board  the board it runs on, e.g. {@code qemu-arm}
 * @param version the firmware version it reports in its hello
 * @param file   its file name inside the bundle's {@code images/} folder
 * @param sha256 the SHA-256 of the file, lowercase hex
 * @param size   the file's size in bytes
 */
public record FirmwareImage(String board, String version, String file, String sha256, long size) {
}
