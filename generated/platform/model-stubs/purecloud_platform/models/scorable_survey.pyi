from .scorable import ScorableSurvey as ScorableSurvey
