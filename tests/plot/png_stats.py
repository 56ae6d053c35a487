"""usage: png_stats.py FILE.png
Decodes an 8-bit RGB/RGBA PNG (as rsvg-convert writes it) with zlib alone and fails
unless the picture is not blank: enough pixels differ from the background, with
enough distinct colours and contrast that something was drawn."""
import struct
import sys
import zlib

import numpy as np


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(color)
    if depth != 8 or channels is None or interlace != 0:
        sys.exit(f"{path}: unsupported PNG (depth {depth}, colour type {color}, interlace {interlace})")
    raw = zlib.decompress(idat)
    stride = width * channels
    img = np.zeros((height, stride), dtype=np.uint8)
    prev = np.zeros(stride, dtype=np.int32)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = np.frombuffer(raw, dtype=np.uint8, count=stride, offset=y * (stride + 1) + 1).astype(np.int32)
        out = np.zeros(stride, dtype=np.int32)
        if f == 0:
            out = line
        elif f == 2:
            out = (line + prev) & 0xFF
        else:  # Sub, Average and Paeth depend on the pixel to the left: go pixel by pixel
            for x in range(stride):
                a = out[x - channels] if x >= channels else 0
                b = prev[x]
                c = prev[x - channels] if x >= channels else 0
                if f == 1:
                    pred = a
                elif f == 3:
                    pred = (a + b) // 2
                elif f == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                else:
                    sys.exit(f"{path}: bad filter type {f}")
                out[x] = (line[x] + pred) & 0xFF
        img[y] = out
        prev = out
    return img.reshape(height, width, channels)


def main():
    path = sys.argv[1]
    img = read_png(path).astype(np.float64)
    rgb = img[:, :, :3]
    if img.shape[2] == 4:  # composite on white, as a viewer would
        alpha = img[:, :, 3:4] / 255
        rgb = rgb * alpha + 255 * (1 - alpha)
    luma = rgb @ np.array([0.2126, 0.7152, 0.0722])
    drawn = np.mean(np.abs(rgb - 255).max(axis=2) > 24)
    colours = len(np.unique(rgb.astype(np.uint8).reshape(-1, 3), axis=0))
    contrast = luma.max() - luma.min()
    print(f"{path}: {img.shape[1]}x{img.shape[0]}, {100 * drawn:.1f}% drawn, {colours} colours, contrast {contrast:.0f}")
    if drawn < 0.005 or colours < 8 or contrast < 100:
        sys.exit(f"{path}: the picture is blank or nearly so")


main()
