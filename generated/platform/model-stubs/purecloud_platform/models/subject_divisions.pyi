from .subject import SubjectDivisions as SubjectDivisions
