"""Writes images only PIL makes easily (palette PNG, CMYK JPEG, EXIF-rotated JPEG, grey+alpha)
into a folder and prints, per file, what PIL's convert("RGB") gives: the reference for decoding."""
import json
import sys

from PIL import Image


def pattern(w, h):
    img = Image.new("RGB", (w, h))
    img.putdata([((x * 5 + y) % 256, (y * 9) % 256, ((x // 4 + y // 4) % 2) * 180 + 30) for y in range(h) for x in range(w)])
    return img


def voc_palette():
    # PASCAL VOC's colour map: 256 distinct colours, index 255 the "ignore" border.
    palette = []
    for i in range(256):
        r = g = b = 0
        c = i
        for j in range(8):
            r |= ((c >> 0) & 1) << (7 - j)
            g |= ((c >> 1) & 1) << (7 - j)
            b |= ((c >> 2) & 1) << (7 - j)
            c >>= 3
        palette += [r, g, b]
    return palette


def main():
    out = sys.argv[1]
    result = {}
    base = pattern(24, 16)

    palette = base.quantize(colors=16)
    palette.save(f"{out}/palette.png")
    result["palette.png"] = list(palette.convert("RGB").tobytes())

    mask = Image.new("P", (24, 16))
    mask.putpalette(voc_palette())
    mask.putdata([(0 if x < 8 else 1 if x < 16 else 2) if y < 12 else 255 for y in range(16) for x in range(24)])
    mask.save(f"{out}/palette_mask.png")
    result["palette_mask.png"] = list(mask.tobytes())

    cmyk = base.convert("CMYK")
    cmyk.save(f"{out}/cmyk.jpg", quality=95)
    result["cmyk.jpg"] = list(Image.open(f"{out}/cmyk.jpg").convert("RGB").tobytes())

    la = base.convert("LA")
    la.save(f"{out}/grey_alpha.png")
    result["grey_alpha.png"] = list(la.convert("RGB").tobytes())

    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to display
    base.save(f"{out}/exif_rotated.jpg", quality=95, exif=exif.tobytes())
    result["exif_rotated.jpg"] = list(Image.open(f"{out}/exif_rotated.jpg").convert("RGB").tobytes())
    print(json.dumps(result))


if __name__ == "__main__":
    main()
