from .bu import BuScheduleListing as BuScheduleListing
