from .script import ScriptEntityListing as ScriptEntityListing
