"""The weighting-sheet templates: one readable description per scheme (swindon, rbwm, notts,
warrington) in the terms of `cwtemplate`, built into .ots files by `build` through a headless
office with the add-in installed, so their code lists and bands come from the engine."""

from . import notts, rbwm, swindon, warrington

TEMPLATES = swindon.TEMPLATES + rbwm.TEMPLATES + notts.TEMPLATES + warrington.TEMPLATES
