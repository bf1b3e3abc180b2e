from .cursor import CursorNoteListing as CursorNoteListing
