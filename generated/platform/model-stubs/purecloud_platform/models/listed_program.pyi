from .listed import ListedProgram as ListedProgram
