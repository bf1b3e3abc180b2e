from .import_ import ImportTemplate as ImportTemplate
