from .stage import StageReference as StageReference
