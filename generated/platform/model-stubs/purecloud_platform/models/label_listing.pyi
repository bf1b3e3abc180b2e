from .label import LabelListing as LabelListing
