from .subject import SubjectDivisionGrants as SubjectDivisionGrants
