from .fabric import FabricTag as FabricTag
