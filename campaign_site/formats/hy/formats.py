# Armenian formats (Django ships none), after CLDR: the day, the month in the genitive and
# lower case, the year followed by "թ." ("3 նոյեմբերի, 2020 թ."). `E` is the genitive month
# and `F` the nominative, both from our catalog (campaign_site/formats/month_names.py).
# A non-breaking space between thousands and a comma before decimals.
DATE_FORMAT = "j E, Y թ."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E, Y թ., H:i"
YEAR_MONTH_FORMAT = "Y թ. F"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
