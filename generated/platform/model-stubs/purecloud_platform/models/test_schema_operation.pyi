from .test import TestSchemaOperation as TestSchemaOperation
