from .dnc import DncListDivisionView as DncListDivisionView
