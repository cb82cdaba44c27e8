"""What a scheme pack is (caseweight.packing), without an office."""

import os
import tempfile
import unittest
import zipfile

from caseweight import packing


def kent_pack(folder):
    """The pack kent 1.2 of one scheme file, written in folder; its path."""
    scheme = os.path.join(folder, "kent.toml")
    with open(scheme, "w", encoding="utf-8") as f:
        f.write('name = "KENT"\n')
    out = os.path.join(folder, "kent.oxt")
    packing.write_oxt(out, "kent", "1.2", [scheme])
    return out


class Packing(unittest.TestCase):
    def test_names_and_versions(self):
        self.assertEqual(packing.name_for(["/x/Kent Scheme 2027.toml"]), "kent-scheme-2027")
        self.assertEqual(packing.name_for(["rbwm-court.toml", "b.toml"]), "rbwm-court")
        self.assertEqual(packing.name_for(["___.toml"]), "scheme")
        self.assertTrue(packing.valid_name(packing.name_for(["/x/Ünïcode!.toml"])))
        self.assertEqual(packing.next_version(None), "1.0")
        self.assertEqual(packing.next_version("1.0"), "1.1")
        self.assertEqual(packing.next_version("2.9"), "2.10")
        self.assertEqual(packing.next_version("3"), "3.1")
        self.assertEqual(packing.next_version("beta"), "1.0")
        self.assertFalse(packing.valid_name("Kent"))
        self.assertFalse(packing.valid_version("1.0a"))

    def test_the_extension_holds_the_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            with zipfile.ZipFile(kent_pack(tmp)) as z:
                self.assertEqual(
                    sorted(z.namelist()),
                    ["META-INF/manifest.xml", "description.xml", "schemes/kent.toml"],
                )
                desc = z.read("description.xml").decode()
                self.assertNotIn("Paths.xcu", z.read("META-INF/manifest.xml").decode())
        self.assertIn('<identifier value="org.caseweight.schemes.kent"/>', desc)
        self.assertIn('<version value="1.2"/>', desc)

    def test_what_is_not_a_pack_is_told_from_a_pack(self):
        with tempfile.TemporaryDirectory() as tmp:
            with zipfile.ZipFile(kent_pack(tmp)) as z:
                self.assertIsNone(packing.not_a_pack(z))
                description = z.read("description.xml")

            def why(entries):
                path = os.path.join(tmp, "other.zip")
                with zipfile.ZipFile(path, "w") as z:
                    for name, data in entries.items():
                        z.writestr(name, data)
                with zipfile.ZipFile(path) as z:
                    return packing.not_a_pack(z)

            self.assertIn("no description.xml", why({"notes.txt": "a zip of something else"}))
            other = description.replace(b"org.caseweight.schemes.kent", b"org.example.tool")
            self.assertIn("identifier", why({"description.xml": other, "schemes/k.toml": ""}))
            self.assertIn("no scheme file", why({"description.xml": description}))
            self.assertIn(
                "no scheme file", why({"description.xml": description, "schemes/notes.txt": ""})
            )
            # a pack of a set of vignettes alone (for the schemes shipped)
            self.assertIsNone(
                why({"description.xml": description, "schemes/vignettes/set.toml": ""})
            )


if __name__ == "__main__":
    unittest.main()
