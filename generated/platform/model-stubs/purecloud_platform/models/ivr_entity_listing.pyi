from .ivr import IVREntityListing as IVREntityListing
