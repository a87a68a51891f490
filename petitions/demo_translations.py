"""French and Armenian translations of the demo petition (petitions.demo).

Each catalogue maps a source string, exactly as wagtail-localize segments the
English page, to its translation; campaign_site.localization.publish_translation applies
it, so the translated pages have a TranslationSource and StringTranslations like
any page a translator produced, and later English changes show up as out of date.
A source string that appears more than once (an organisation, a role) has one
entry. Citation markers [1]–[8] stay where the text cites its references.

If the English text in petitions.demo changes, change the key here as well:
load_demo warns about every segment left without a translation.
"""

FRENCH = {
    "Free ALL Armenian POWs and hostages held illegally in Azerbaijan": (
        "Libérez TOUS les prisonniers de guerre et otages arméniens détenus illégalement en "
        "Azerbaïdjan"
    ),
    (
        "A petition to world leaders for the immediate release of all Armenian prisoners of "
        "war and captives held in Azerbaijan."
    ): (
        "Une pétition adressée aux dirigeants du monde pour la libération immédiate de tous "
        "les prisonniers de guerre et captifs arméniens détenus en Azerbaïdjan."
    ),
    (
        "We call upon the peaceful citizens of the world, who defend universal human rights "
        "and the principles of justice, to sign this petition urging world leaders to act."
    ): (
        "Nous appelons les citoyens pacifiques du monde entier, qui défendent les droits "
        "humains universels et les principes de justice, à signer cette pétition exhortant "
        "les dirigeants du monde à agir."
    ),
    (
        "Demand the immediate and unconditional release of ALL Armenian POWs and captives "
        "held unlawfully in Azerbaijan."
    ): (
        "Exiger la libération immédiate et inconditionnelle de TOUS les prisonniers de "
        "guerre et captifs arméniens détenus illégalement en Azerbaïdjan."
    ),
    (
        "Urgently send international observers or organisations to visit Armenian hostages "
        "in Baku and report on their health and detention conditions."
    ): (
        "Envoyer d'urgence des observateurs ou des organisations internationales visiter les "
        "otages arméniens à Bakou et rendre compte de leur état de santé et de leurs "
        "conditions de détention."
    ),
    (
        "Impose sanctions against Azerbaijan for torture, mistreatment, and holding Armenian "
        "civilians and POWs after the ceasefire, thus breaking UN legislation on human "
        "rights, the Geneva Convention on Prisoners of War, and the European Convention on "
        "Human Rights."
    ): (
        "Imposer des sanctions à l'Azerbaïdjan pour la torture, les mauvais traitements et "
        "la détention de civils et de prisonniers de guerre arméniens après le "
        "cessez-le-feu, enfreignant ainsi le droit des Nations unies relatif aux droits "
        "humains, la Convention de Genève relative aux prisonniers de guerre et la "
        "Convention européenne des droits de l'homme."
    ),
    (
        "Since the trilateral ceasefire of 9 November 2020 [1] by the Russian, Azerbaijani "
        "and Armenian heads of state, over 200 Armenian prisoners of war (POWs) have not "
        "been released. Moreover, Azerbaijani forces continue taking new military and "
        "civilian captives, in Nagorno-Karabakh and the Republic of Armenia [2]. By refusing "
        "to free the Armenian captives, the Azerbaijani regime grossly violates the III "
        "Geneva Convention relative to the Treatment of Prisoners of War of 12 August 1949."
    ): (
        "Depuis le cessez-le-feu trilatéral du 9 novembre 2020 [1] conclu par les chefs "
        "d'État russe, azerbaïdjanais et arménien, plus de 200 prisonniers de guerre "
        "arméniens n'ont pas été libérés. En outre, les forces azerbaïdjanaises continuent "
        "de faire de nouveaux captifs, militaires et civils, au Haut-Karabakh et en "
        "République d'Arménie [2]. En refusant de libérer les captifs arméniens, le régime "
        "azerbaïdjanais viole gravement la troisième Convention de Genève relative au "
        "traitement des prisonniers de guerre du 12 août 1949."
    ),
    (
        "The Convention particularly states that “POWs cannot be prosecuted for taking part "
        "in hostilities,” and that “they must be released and repatriated without delay "
        "after the end of hostilities”. Aliyev's government also violates Article 8 of the "
        "trilateral ceasefire statement of 9 November concerning the return of POWs. "
        "Nevertheless, over 60 Armenian hostages were sentenced at sham trials in Baku "
        "courts under false accusations."
    ): (
        "La Convention dispose notamment que « les prisonniers de guerre ne peuvent être "
        "poursuivis pour avoir pris part aux hostilités » et qu'« ils doivent être libérés "
        "et rapatriés sans délai après la fin des hostilités ». Le gouvernement Aliyev viole "
        "également l'article 8 de la déclaration trilatérale de cessez-le-feu du 9 novembre, "
        "relatif au retour des prisonniers de guerre. Malgré cela, plus de 60 otages "
        "arméniens ont été condamnés sur la base de fausses accusations à l'issue de "
        "simulacres de procès devant des tribunaux de Bakou."
    ),
    (
        "The UN Convention against Torture and Other Cruel, Inhuman or Degrading Treatment "
        "or Punishment, and the European Convention on Human Rights prohibit torture "
        "altogether. The latest ad hoc report by the Human Rights Defender of Armenia of "
        "January 2021 [3] revealed numerous cases of brutal treatment of Armenian civilians "
        "and soldiers in captivity in Azerbaijan, which included:"
    ): (
        "La Convention des Nations unies contre la torture et autres peines ou traitements "
        "cruels, inhumains ou dégradants et la Convention européenne des droits de l'homme "
        "interdisent la torture de manière absolue. Le dernier rapport ad hoc du Défenseur "
        "des droits de l'homme d'Arménie de janvier 2021 [3] a révélé de nombreux cas de "
        "traitements brutaux infligés à des civils et des soldats arméniens captifs en "
        "Azerbaïdjan, parmi lesquels :"
    ),
    "beating the POWs, causing mental trauma and physical injuries,": (
        "des passages à tabac de prisonniers de guerre, causant des traumatismes psychiques "
        "et des blessures physiques ;"
    ),
    "humiliation and debasement of captives to induce false statements,": (
        "l'humiliation et l'avilissement de captifs pour les amener à faire de fausses "
        "déclarations ;"
    ),
    "physical torture of captives resulting in death,": (
        "des tortures physiques infligées à des captifs, entraînant la mort ;"
    ),
    "beheading and dismembering of Armenian captives.": (
        "la décapitation et le démembrement de captifs arméniens."
    ),
    (
        "At the beginning of April 2021, no less than 230 cases were reported to the "
        "European Court of Human Rights (ECtHR) by Yegishe Kirakosyan, Armenia's "
        "representative to the Court. Additionally, human rights lawyers Siranush Sahakyan "
        "and Artak Zeynalyan have filed over 95 individual cases on behalf of the captives' "
        "families at the ECtHR. The Court has accepted these complaints and ordered interim "
        "measures to protect the lives of the Armenian captives whose lives are at immediate "
        "risk. The Azerbaijani authorities have failed to comply with the ECtHR ruling and "
        "have refused to provide accurate information on the condition and the number of "
        "Armenian POWs in captivity."
    ): (
        "Début avril 2021, au moins 230 affaires ont été signalées à la Cour européenne des "
        "droits de l'homme (CEDH) par Yegishe Kirakosyan, représentant de l'Arménie auprès "
        "de la Cour. En outre, les avocats des droits humains Siranush Sahakyan et Artak "
        "Zeynalyan ont introduit devant la CEDH plus de 95 requêtes individuelles au nom des "
        "familles des captifs. La Cour a accepté ces requêtes et ordonné des mesures "
        "provisoires pour protéger la vie des captifs arméniens qui sont en danger immédiat. "
        "Les autorités azerbaïdjanaises ne se sont pas conformées à la décision de la CEDH "
        "et ont refusé de fournir des informations exactes sur l'état et le nombre des "
        "prisonniers de guerre arméniens en captivité."
    ),
    (
        "Over 50 Armenian POWs held in Azerbaijan were reportedly murdered [4], according to "
        "human rights lawyers representing families of Armenian hostages. One of them was "
        "only 18-year-old Eric Mkhitaryan, missing since October 2020. In November, a video "
        "of Eric captured and abused by Azeri forces was released on social media. His "
        "dismembered body was returned at the beginning of April 2021. By concealing the "
        "exact number of Armenian captives, the Azerbaijani government retains them for "
        "political manipulation to achieve more concessions from Armenia. There are "
        "justified concerns that the true number of Armenian POWs illegally held or brutally "
        "murdered by Aliyev's regime is much higher."
    ): (
        "Plus de 50 prisonniers de guerre arméniens détenus en Azerbaïdjan auraient été "
        "assassinés [4], selon les avocats des droits humains qui représentent les familles "
        "d'otages arméniens. L'un d'eux, Eric Mkhitaryan, n'avait que 18 ans ; il était "
        "porté disparu depuis octobre 2020. En novembre, une vidéo montrant Eric capturé et "
        "maltraité par les forces azéries a été diffusée sur les réseaux sociaux. Son corps "
        "démembré a été restitué début avril 2021. En dissimulant le nombre exact de captifs "
        "arméniens, le gouvernement azerbaïdjanais les retient à des fins de manipulation "
        "politique, pour obtenir davantage de concessions de la part de l'Arménie. On craint "
        "à juste titre que le nombre réel de prisonniers de guerre arméniens détenus "
        "illégalement ou sauvagement assassinés par le régime Aliyev soit bien plus élevé."
    ),
    (
        "The families of Armenian hostages confirm that the International Committee of the "
        "Red Cross (ICRC) has not been able to fully report about the well-being, health and "
        "detention conditions of their relatives detained in Azerbaijan. No foreign monitor "
        "has been allowed to visit Armenian hostages and bring them the much needed support."
    ): (
        "Les familles des otages arméniens confirment que le Comité international de la "
        "Croix-Rouge (CICR) n'a pas été en mesure de rendre pleinement compte du bien-être, "
        "de l'état de santé et des conditions de détention de leurs proches détenus en "
        "Azerbaïdjan. Aucun observateur étranger n'a été autorisé à rendre visite aux otages "
        "arméniens et à leur apporter le soutien dont ils ont tant besoin."
    ),
    (
        "The inhumane treatment of POWs and captives is a gross violation of international "
        "law by the Azerbaijani regime and overwhelming evidence of war crimes perpetrated "
        "by Aliyev's regime, that must be condemned by international organisations [5]."
    ): (
        "Le traitement inhumain infligé aux prisonniers de guerre et aux captifs constitue "
        "une violation grave du droit international par le régime azerbaïdjanais et une "
        "preuve accablante des crimes de guerre perpétrés par le régime Aliyev, que les "
        "organisations internationales doivent condamner [5]."
    ),
    (
        "In an announcement on 22 April 2021, the Parliamentary Assembly of the Council of "
        "Europe (PACE) called on Azerbaijan to release Armenian POWs and other captives "
        "'without delay' [6]."
    ): (
        "Dans une annonce du 22 avril 2021, l'Assemblée parlementaire du Conseil de l'Europe "
        "(APCE) a appelé l'Azerbaïdjan à libérer « sans délai » les prisonniers de guerre et "
        "autres captifs arméniens [6]."
    ),
    (
        "President Aliyev openly supports and encourages ethnic hatred and glorifies "
        "violence towards Armenians through his public speeches and state-sponsored "
        "propaganda. One of the examples of this state-sponsored hatred towards ethnic "
        "Armenians was the opening of the 'trophy park' in Baku. Former US Ambassador to "
        "Armenia, John Evans, called the park “racist, degrading, indeed, redolent of "
        "genocidal intent”. Aliyev's irresponsible conduct jeopardises any prospect of peace "
        "in the wider region [7]."
    ): (
        "Par ses discours publics et la propagande d'État, le président Aliyev soutient et "
        "encourage ouvertement la haine ethnique et glorifie la violence envers les "
        "Arméniens. L'un des exemples de cette haine entretenue par l'État envers les "
        "Arméniens en tant que peuple a été l'ouverture du « parc des trophées » à Bakou. "
        "L'ancien ambassadeur des États-Unis en Arménie, John Evans, a qualifié ce parc de « "
        "raciste, avilissant, voire évocateur d'une intention génocidaire ». Le comportement "
        "irresponsable d'Aliyev compromet toute perspective de paix dans l'ensemble de la "
        "région [7]."
    ),
    (
        "Failure to condemn the Azerbaijani government for violating international law has "
        "caused more killings and kidnappings of indigenous Armenians in Nagorno-Karabakh as "
        "well as Armenia."
    ): (
        "L'absence de condamnation du gouvernement azerbaïdjanais pour ses violations du "
        "droit international a entraîné de nouveaux meurtres et enlèvements d'Arméniens "
        "autochtones au Haut-Karabakh comme en Arménie."
    ),
    (
        "Human lives matter. Every day, every hour, every minute, and every second counts. "
        "Tomorrow will be too late. Act today to release ALL ARMENIAN POWs and CAPTIVES, "
        "victims of unlawful torture, barbaric mental and physical abuse [8]."
    ): (
        "Les vies humaines comptent. Chaque jour, chaque heure, chaque minute et chaque "
        "seconde comptent. Demain, il sera trop tard. Agissez dès aujourd'hui pour faire "
        "libérer TOUS LES PRISONNIERS DE GUERRE et CAPTIFS ARMÉNIENS, victimes de tortures "
        "illégales et de sévices psychologiques et physiques barbares [8]."
    ),
    "References": "Références",
    "Trilateral ceasefire statement by the leaders of Armenia, Azerbaijan and Russia": (
        "Déclaration trilatérale de cessez-le-feu des dirigeants de l'Arménie, de "
        "l'Azerbaïdjan et de la Russie"
    ),
    (
        "Reports of Armenian servicemen and civilians taken captive after the ceasefire, in "
        "Nagorno-Karabakh and Armenia"
    ): (
        "Informations faisant état de militaires et de civils arméniens faits prisonniers "
        "après le cessez-le-feu, au Haut-Karabakh et en Arménie"
    ),
    (
        "Human Rights Defender of Armenia, ad hoc report on the treatment of Armenian "
        "captives in Azerbaijan, January 2021"
    ): (
        "Défenseur des droits de l'homme d'Arménie, rapport ad hoc sur le traitement des "
        "captifs arméniens en Azerbaïdjan, janvier 2021"
    ),
    (
        "Statements by lawyers representing the families of Armenian captives on prisoners "
        "of war reported killed"
    ): (
        "Déclarations des avocats représentant les familles de captifs arméniens sur les "
        "prisonniers de guerre qui auraient été tués"
    ),
    (
        "Calls on international organisations to condemn the treatment of prisoners of war "
        "and captives as war crimes"
    ): (
        "Appels aux organisations internationales à condamner le traitement des prisonniers "
        "de guerre et des captifs comme des crimes de guerre"
    ),
    (
        "Parliamentary Assembly of the Council of Europe, announcement on Armenian prisoners "
        "of war and other captives"
    ): (
        "Assemblée parlementaire du Conseil de l'Europe, annonce sur les prisonniers de "
        "guerre et autres captifs arméniens"
    ),
    "Former US Ambassador to Armenia John Evans on the 'trophy park' in Baku": (
        "L'ancien ambassadeur des États-Unis en Arménie John Evans à propos du « parc des "
        "trophées » de Bakou"
    ),
    "Reports of torture and abuse of Armenian prisoners of war and captives in Azerbaijan": (
        "Informations faisant état de tortures et de sévices infligés aux prisonniers de "
        "guerre et captifs arméniens en Azerbaïdjan"
    ),
    "António Guterres": "António Guterres",
    "Secretary-General": "Secrétaire général",
    "United Nations": "Organisation des Nations unies",
    "Michelle Bachelet": "Michelle Bachelet",
    "High Commissioner for Human Rights": "Haute-Commissaire aux droits de l'homme",
    "Marija Pejčinović Burić": "Marija Pejčinović Burić",
    "Secretary General": "Secrétaire général",
    "Council of Europe": "Conseil de l'Europe",
    "Matteo Mecacci": "Matteo Mecacci",
    "Director": "Directeur",
    "OSCE Office for Democratic Institutions and Human Rights": (
        "Bureau des institutions démocratiques et des droits de l'homme de l'OSCE"
    ),
    "OSCE Secretary General": "Secrétaire général de l'OSCE",
    "OSCE": "OSCE",
    "Joe Biden": "Joe Biden",
    "President": "Président",
    "United States of America": "États-Unis d'Amérique",
    "Antony Blinken": "Antony Blinken",
    "Secretary of State": "Secrétaire d'État",
    "Mirjana Spoljaric Egger": "Mirjana Spoljaric Egger",
    "International Committee of the Red Cross": "Comité international de la Croix-Rouge",
    "Emmanuel Macron": "Emmanuel Macron",
    "France": "France",
    "Rishi Sunak": "Rishi Sunak",
    "Prime Minister": "Premier ministre",
    "United Kingdom of Great Britain and Northern Ireland": (
        "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"
    ),
    "James Cleverly": "James Cleverly",
    "Foreign Secretary": "Ministre des Affaires étrangères",
    "Charles Michel": "Charles Michel",
    "European Union": "Union européenne",
    "Josep Borrell": "Josep Borrell",
    "High Representative for Foreign Affairs and Security Policy": (
        "Haut représentant pour les affaires étrangères et la politique de sécurité"
    ),
    "British Armenian humanitarian group": "Groupe humanitaire arméno-britannique",
    (
        "Every signature adds to the pressure on the leaders who can bring the prisoners "
        "home. Please ask your friends and family to sign too."
    ): (
        "Chaque signature accroît la pression sur les dirigeants qui peuvent ramener les "
        "prisonniers chez eux. Demandez à vos amis et à votre famille de signer à leur tour."
    ),
    "on the petition platform where this petition started": (
        "sur la plateforme de pétitions où cette pétition a été lancée"
    ),
}

ARMENIAN = {
    "Free ALL Armenian POWs and hostages held illegally in Azerbaijan": (
        "Ազատություն Ադրբեջանում ապօրինի պահվող ԲՈԼՈՐ հայ ռազմագերիներին և պատանդներին"
    ),
    (
        "A petition to world leaders for the immediate release of all Armenian prisoners of "
        "war and captives held in Azerbaijan."
    ): (
        "Աշխարհի առաջնորդներին ուղղված խնդրագիր՝ Ադրբեջանում պահվող բոլոր հայ ռազմագերիների "
        "և գերեվարված անձանց անհապաղ ազատ արձակման համար։"
    ),
    (
        "We call upon the peaceful citizens of the world, who defend universal human rights "
        "and the principles of justice, to sign this petition urging world leaders to act."
    ): (
        "Կոչ ենք անում աշխարհի խաղաղասեր քաղաքացիներին, որոնք պաշտպանում են մարդու "
        "համընդհանուր իրավունքները և արդարության սկզբունքները, ստորագրել այս խնդրագիրը, որը "
        "հորդորում է աշխարհի առաջնորդներին գործել։"
    ),
    (
        "Demand the immediate and unconditional release of ALL Armenian POWs and captives "
        "held unlawfully in Azerbaijan."
    ): (
        "Պահանջել Ադրբեջանում ապօրինի պահվող ԲՈԼՈՐ հայ ռազմագերիների և գերեվարված անձանց "
        "անհապաղ և անվերապահ ազատ արձակումը։"
    ),
    (
        "Urgently send international observers or organisations to visit Armenian hostages "
        "in Baku and report on their health and detention conditions."
    ): (
        "Շտապ Բաքու ուղարկել միջազգային դիտորդներ կամ կազմակերպություններ, որոնք կայցելեն "
        "հայ պատանդներին և կզեկուցեն նրանց առողջական վիճակի ու պահման պայմանների մասին։"
    ),
    (
        "Impose sanctions against Azerbaijan for torture, mistreatment, and holding Armenian "
        "civilians and POWs after the ceasefire, thus breaking UN legislation on human "
        "rights, the Geneva Convention on Prisoners of War, and the European Convention on "
        "Human Rights."
    ): (
        "Պատժամիջոցներ կիրառել Ադրբեջանի նկատմամբ խոշտանգումների, վատ վերաբերմունքի և "
        "հրադադարից հետո հայ քաղաքացիական անձանց ու ռազմագերիներին պահելու համար, ինչով նա "
        "խախտում է մարդու իրավունքների վերաբերյալ ՄԱԿ-ի իրավական նորմերը, Ռազմագերիների "
        "մասին Ժնևի կոնվենցիան և Մարդու իրավունքների եվրոպական կոնվենցիան։"
    ),
    (
        "Since the trilateral ceasefire of 9 November 2020 [1] by the Russian, Azerbaijani "
        "and Armenian heads of state, over 200 Armenian prisoners of war (POWs) have not "
        "been released. Moreover, Azerbaijani forces continue taking new military and "
        "civilian captives, in Nagorno-Karabakh and the Republic of Armenia [2]. By refusing "
        "to free the Armenian captives, the Azerbaijani regime grossly violates the III "
        "Geneva Convention relative to the Treatment of Prisoners of War of 12 August 1949."
    ): (
        "2020 թվականի նոյեմբերի 9-ին Ռուսաստանի, Ադրբեջանի և Հայաստանի պետությունների "
        "ղեկավարների հաստատած եռակողմ հրադադարից [1] հետո ավելի քան 200 հայ ռազմագերի ազատ "
        "չի արձակվել։ Ավելին, ադրբեջանական ուժերը շարունակում են գերեվարել նոր "
        "զինվորականների և քաղաքացիական անձանց Լեռնային Ղարաբաղում և Հայաստանի "
        "Հանրապետությունում [2]։ Հրաժարվելով ազատ արձակել հայ գերիներին՝ ադրբեջանական "
        "վարչակարգը կոպտորեն խախտում է 1949 թվականի օգոստոսի 12-ի Ռազմագերիների հետ "
        "վարվեցողության մասին Ժնևի III կոնվենցիան։"
    ),
    (
        "The Convention particularly states that “POWs cannot be prosecuted for taking part "
        "in hostilities,” and that “they must be released and repatriated without delay "
        "after the end of hostilities”. Aliyev's government also violates Article 8 of the "
        "trilateral ceasefire statement of 9 November concerning the return of POWs. "
        "Nevertheless, over 60 Armenian hostages were sentenced at sham trials in Baku "
        "courts under false accusations."
    ): (
        "Կոնվենցիան մասնավորապես սահմանում է, որ «ռազմագերիներին չի կարելի քրեական "
        "հետապնդման ենթարկել ռազմական գործողություններին մասնակցելու համար», և որ «նրանք "
        "պետք է ազատ արձակվեն և հայրենադարձվեն ռազմական գործողությունների ավարտից հետո "
        "անհապաղ»։ Ալիևի կառավարությունը խախտում է նաև նոյեմբերի 9-ի եռակողմ հրադադարի "
        "հայտարարության 8-րդ կետը, որը վերաբերում է ռազմագերիների վերադարձին։ "
        "Այնուամենայնիվ, ավելի քան 60 հայ պատանդ կեղծ մեղադրանքներով դատապարտվել է Բաքվի "
        "դատարաններում անցկացված շինծու դատավարությունների արդյունքում։"
    ),
    (
        "The UN Convention against Torture and Other Cruel, Inhuman or Degrading Treatment "
        "or Punishment, and the European Convention on Human Rights prohibit torture "
        "altogether. The latest ad hoc report by the Human Rights Defender of Armenia of "
        "January 2021 [3] revealed numerous cases of brutal treatment of Armenian civilians "
        "and soldiers in captivity in Azerbaijan, which included:"
    ): (
        "ՄԱԿ-ի՝ Խոշտանգումների և վերաբերմունքի ու պատժի այլ դաժան, անմարդկային կամ "
        "արժանապատվությունը նվաստացնող տեսակների դեմ կոնվենցիան և Մարդու իրավունքների "
        "եվրոպական կոնվենցիան բացարձակապես արգելում են խոշտանգումները։ Հայաստանի մարդու "
        "իրավունքների պաշտպանի վերջին՝ 2021 թվականի հունվարի արտահերթ զեկույցը [3] "
        "բացահայտեց Ադրբեջանում գերության մեջ գտնվող հայ քաղաքացիական անձանց և զինվորների "
        "նկատմամբ դաժան վերաբերմունքի բազմաթիվ դեպքեր, այդ թվում."
    ),
    "beating the POWs, causing mental trauma and physical injuries,": (
        "ռազմագերիների ծեծ, որը հոգեկան տրավմաներ և մարմնական վնասվածքներ է պատճառում,"
    ),
    "humiliation and debasement of captives to induce false statements,": (
        "գերիների նվաստացում և ստորացում՝ նրանց կեղծ հայտարարություններ անելուն դրդելու նպատակով,"
    ),
    "physical torture of captives resulting in death,": (
        "գերիների ֆիզիկական խոշտանգումներ, որոնք հանգեցրել են մահվան,"
    ),
    "beheading and dismembering of Armenian captives.": "հայ գերիների գլխատում և մասնատում։",
    (
        "At the beginning of April 2021, no less than 230 cases were reported to the "
        "European Court of Human Rights (ECtHR) by Yegishe Kirakosyan, Armenia's "
        "representative to the Court. Additionally, human rights lawyers Siranush Sahakyan "
        "and Artak Zeynalyan have filed over 95 individual cases on behalf of the captives' "
        "families at the ECtHR. The Court has accepted these complaints and ordered interim "
        "measures to protect the lives of the Armenian captives whose lives are at immediate "
        "risk. The Azerbaijani authorities have failed to comply with the ECtHR ruling and "
        "have refused to provide accurate information on the condition and the number of "
        "Armenian POWs in captivity."
    ): (
        "2021 թվականի ապրիլի սկզբին Մարդու իրավունքների եվրոպական դատարանում (ՄԻԵԴ) "
        "Հայաստանի ներկայացուցիչ Եղիշե Կիրակոսյանը Դատարան էր ներկայացրել առնվազն 230 գործ։ "
        "Բացի այդ, իրավապաշտպան փաստաբաններ Սիրանուշ Սահակյանը և Արտակ Զեյնալյանը գերիների "
        "ընտանիքների անունից ՄԻԵԴ են ներկայացրել ավելի քան 95 անհատական գանգատ։ Դատարանն "
        "ընդունել է այդ գանգատները և կիրառել միջանկյալ միջոցներ՝ պաշտպանելու այն հայ "
        "գերիների կյանքը, որոնց անմիջական վտանգ է սպառնում։ Ադրբեջանի իշխանությունները չեն "
        "կատարել ՄԻԵԴ-ի որոշումը և հրաժարվել են ճշգրիտ տեղեկություններ տրամադրել գերության "
        "մեջ գտնվող հայ ռազմագերիների վիճակի և թվի մասին։"
    ),
    (
        "Over 50 Armenian POWs held in Azerbaijan were reportedly murdered [4], according to "
        "human rights lawyers representing families of Armenian hostages. One of them was "
        "only 18-year-old Eric Mkhitaryan, missing since October 2020. In November, a video "
        "of Eric captured and abused by Azeri forces was released on social media. His "
        "dismembered body was returned at the beginning of April 2021. By concealing the "
        "exact number of Armenian captives, the Azerbaijani government retains them for "
        "political manipulation to achieve more concessions from Armenia. There are "
        "justified concerns that the true number of Armenian POWs illegally held or brutally "
        "murdered by Aliyev's regime is much higher."
    ): (
        "Հայ պատանդների ընտանիքները ներկայացնող իրավապաշտպան փաստաբանների տվյալներով՝ "
        "Ադրբեջանում պահվող ավելի քան 50 հայ ռազմագերի սպանվել է [4]։ Նրանցից մեկն էր "
        "ընդամենը 18 տարեկան Էրիկ Մխիթարյանը, որը 2020 թվականի հոկտեմբերից ի վեր անհետ կորած "
        "էր։ Նոյեմբերին սոցիալական ցանցերում հրապարակվեց տեսանյութ, որտեղ ադրբեջանական "
        "ուժերի կողմից գերեվարված Էրիկը բռնության է ենթարկվում։ Նրա մասնատված մարմինը "
        "վերադարձվեց 2021 թվականի ապրիլի սկզբին։ Թաքցնելով հայ գերիների ճշգրիտ թիվը՝ "
        "Ադրբեջանի կառավարությունը նրանց պահում է քաղաքական մանիպուլյացիաների համար՝ "
        "Հայաստանից ավելի շատ զիջումների հասնելու նպատակով։ Հիմնավոր մտավախություններ կան, "
        "որ Ալիևի վարչակարգի կողմից ապօրինի պահվող կամ դաժանաբար սպանված հայ ռազմագերիների "
        "իրական թիվը շատ ավելի մեծ է։"
    ),
    (
        "The families of Armenian hostages confirm that the International Committee of the "
        "Red Cross (ICRC) has not been able to fully report about the well-being, health and "
        "detention conditions of their relatives detained in Azerbaijan. No foreign monitor "
        "has been allowed to visit Armenian hostages and bring them the much needed support."
    ): (
        "Հայ պատանդների ընտանիքները հաստատում են, որ Կարմիր խաչի միջազգային կոմիտեն (ԿԽՄԿ) "
        "չի կարողացել լիարժեք տեղեկություններ հաղորդել Ադրբեջանում պահվող իրենց հարազատների "
        "բարեկեցության, առողջական վիճակի և պահման պայմանների մասին։ Ոչ մի օտարերկրյա դիտորդի "
        "թույլ չի տրվել այցելել հայ պատանդներին և նրանց տրամադրել այդքան անհրաժեշտ "
        "աջակցությունը։"
    ),
    (
        "The inhumane treatment of POWs and captives is a gross violation of international "
        "law by the Azerbaijani regime and overwhelming evidence of war crimes perpetrated "
        "by Aliyev's regime, that must be condemned by international organisations [5]."
    ): (
        "Ռազմագերիների և գերեվարված անձանց նկատմամբ անմարդկային վերաբերմունքն ադրբեջանական "
        "վարչակարգի կողմից միջազգային իրավունքի կոպիտ խախտում է և Ալիևի վարչակարգի կատարած "
        "ռազմական հանցագործությունների անհերքելի ապացույց, ինչը պետք է դատապարտվի միջազգային "
        "կազմակերպությունների կողմից [5]։"
    ),
    (
        "In an announcement on 22 April 2021, the Parliamentary Assembly of the Council of "
        "Europe (PACE) called on Azerbaijan to release Armenian POWs and other captives "
        "'without delay' [6]."
    ): (
        "2021 թվականի ապրիլի 22-ի հայտարարությամբ Եվրոպայի խորհրդի խորհրդարանական վեհաժողովը "
        "(ԵԽԽՎ) կոչ արեց Ադրբեջանին «անհապաղ» ազատ արձակել հայ ռազմագերիներին և մյուս "
        "գերիներին [6]։"
    ),
    (
        "President Aliyev openly supports and encourages ethnic hatred and glorifies "
        "violence towards Armenians through his public speeches and state-sponsored "
        "propaganda. One of the examples of this state-sponsored hatred towards ethnic "
        "Armenians was the opening of the 'trophy park' in Baku. Former US Ambassador to "
        "Armenia, John Evans, called the park “racist, degrading, indeed, redolent of "
        "genocidal intent”. Aliyev's irresponsible conduct jeopardises any prospect of peace "
        "in the wider region [7]."
    ): (
        "Նախագահ Ալիևն իր հրապարակային ելույթներով և պետության հովանավորած քարոզչությամբ "
        "բացահայտորեն աջակցում և խրախուսում է էթնիկ ատելությունը և փառաբանում բռնությունը "
        "հայերի նկատմամբ։ Էթնիկ հայերի նկատմամբ պետության հովանավորած այդ ատելության "
        "օրինակներից մեկը Բաքվում «ավարների պուրակի» բացումն էր։ Հայաստանում ԱՄՆ նախկին "
        "դեսպան Ջոն Էվանսն այդ պուրակը որակեց որպես «ռասիստական, նվաստացուցիչ, ավելին՝ "
        "ցեղասպանական մտադրություն հուշող»։ Ալիևի անպատասխանատու վարքագիծը վտանգում է "
        "խաղաղության ցանկացած հեռանկար ողջ տարածաշրջանում [7]։"
    ),
    (
        "Failure to condemn the Azerbaijani government for violating international law has "
        "caused more killings and kidnappings of indigenous Armenians in Nagorno-Karabakh as "
        "well as Armenia."
    ): (
        "Միջազգային իրավունքը խախտելու համար Ադրբեջանի կառավարությանը չդատապարտելը հանգեցրել "
        "է Լեռնային Ղարաբաղում, ինչպես նաև Հայաստանում բնիկ հայերի նոր սպանությունների և "
        "առևանգումների։"
    ),
    (
        "Human lives matter. Every day, every hour, every minute, and every second counts. "
        "Tomorrow will be too late. Act today to release ALL ARMENIAN POWs and CAPTIVES, "
        "victims of unlawful torture, barbaric mental and physical abuse [8]."
    ): (
        "Մարդկային կյանքերը կարևոր են։ Թանկ է յուրաքանչյուր օրը, յուրաքանչյուր ժամը, "
        "յուրաքանչյուր րոպեն և յուրաքանչյուր վայրկյանը։ Վաղն արդեն ուշ կլինի։ Գործե՛ք այսօր, "
        "որպեսզի ազատ արձակվեն ԲՈԼՈՐ ՀԱՅ ՌԱԶՄԱԳԵՐԻՆԵՐՆ ու ԳԵՐԵՎԱՐՎԱԾՆԵՐԸ՝ ապօրինի "
        "խոշտանգումների, բարբարոսական հոգեկան և ֆիզիկական բռնությունների զոհերը [8]։"
    ),
    "References": "Աղբյուրներ",
    "Trilateral ceasefire statement by the leaders of Armenia, Azerbaijan and Russia": (
        "Հայաստանի, Ադրբեջանի և Ռուսաստանի ղեկավարների՝ հրադադարի մասին եռակողմ հայտարարություն"
    ),
    (
        "Reports of Armenian servicemen and civilians taken captive after the ceasefire, in "
        "Nagorno-Karabakh and Armenia"
    ): (
        "Տեղեկություններ հրադադարից հետո Լեռնային Ղարաբաղում և Հայաստանում գերեվարված հայ "
        "զինծառայողների և քաղաքացիական անձանց մասին"
    ),
    (
        "Human Rights Defender of Armenia, ad hoc report on the treatment of Armenian "
        "captives in Azerbaijan, January 2021"
    ): (
        "Հայաստանի մարդու իրավունքների պաշտպան, արտահերթ զեկույց Ադրբեջանում հայ գերիների "
        "նկատմամբ վերաբերմունքի մասին, 2021 թվականի հունվար"
    ),
    (
        "Statements by lawyers representing the families of Armenian captives on prisoners "
        "of war reported killed"
    ): (
        "Հայ գերիների ընտանիքները ներկայացնող փաստաբանների հայտարարություններ՝ հաղորդումների "
        "համաձայն սպանված ռազմագերիների վերաբերյալ"
    ),
    (
        "Calls on international organisations to condemn the treatment of prisoners of war "
        "and captives as war crimes"
    ): (
        "Կոչեր միջազգային կազմակերպություններին՝ դատապարտելու ռազմագերիների և գերեվարված "
        "անձանց նկատմամբ վերաբերմունքը որպես ռազմական հանցագործություն"
    ),
    (
        "Parliamentary Assembly of the Council of Europe, announcement on Armenian prisoners "
        "of war and other captives"
    ): (
        "Եվրոպայի խորհրդի խորհրդարանական վեհաժողով, հայտարարություն հայ ռազմագերիների և "
        "մյուս գերիների մասին"
    ),
    "Former US Ambassador to Armenia John Evans on the 'trophy park' in Baku": (
        "Հայաստանում ԱՄՆ նախկին դեսպան Ջոն Էվանսը Բաքվի «ավարների պուրակի» մասին"
    ),
    "Reports of torture and abuse of Armenian prisoners of war and captives in Azerbaijan": (
        "Տեղեկություններ Ադրբեջանում հայ ռազմագերիների և գերեվարված անձանց նկատմամբ "
        "խոշտանգումների և դաժան վերաբերմունքի մասին"
    ),
    "António Guterres": "Անտոնիու Գուտերեշ",
    "Secretary-General": "Գլխավոր քարտուղար",
    "United Nations": "Միավորված ազգերի կազմակերպություն",
    "Michelle Bachelet": "Միշել Բաչելետ",
    "High Commissioner for Human Rights": "Մարդու իրավունքների գերագույն հանձնակատար",
    "Marija Pejčinović Burić": "Մարիյա Պեյչինովիչ Բուրիչ",
    "Secretary General": "Գլխավոր քարտուղար",
    "Council of Europe": "Եվրոպայի խորհուրդ",
    "Matteo Mecacci": "Մատեո Մեկաչի",
    "Director": "Տնօրեն",
    "OSCE Office for Democratic Institutions and Human Rights": (
        "ԵԱՀԿ ժողովրդավարական հաստատությունների և մարդու իրավունքների գրասենյակ"
    ),
    "OSCE Secretary General": "ԵԱՀԿ գլխավոր քարտուղար",
    "OSCE": "ԵԱՀԿ",
    "Joe Biden": "Ջո Բայդեն",
    "President": "Նախագահ",
    "United States of America": "Ամերիկայի Միացյալ Նահանգներ",
    "Antony Blinken": "Էնթընի Բլինքեն",
    "Secretary of State": "Պետքարտուղար",
    "Mirjana Spoljaric Egger": "Միրյանա Սպոլյարիչ Էգեր",
    "International Committee of the Red Cross": "Կարմիր խաչի միջազգային կոմիտե",
    "Emmanuel Macron": "Էմանուել Մակրոն",
    "France": "Ֆրանսիա",
    "Rishi Sunak": "Ռիշի Սունակ",
    "Prime Minister": "Վարչապետ",
    "United Kingdom of Great Britain and Northern Ireland": (
        "Մեծ Բրիտանիայի և Հյուսիսային Իռլանդիայի Միացյալ Թագավորություն"
    ),
    "James Cleverly": "Ջեյմս Քլևերլի",
    "Foreign Secretary": "Արտաքին գործերի նախարար",
    "Charles Michel": "Շառլ Միշել",
    "European Union": "Եվրոպական միություն",
    "Josep Borrell": "Ժոզեպ Բորել",
    "High Representative for Foreign Affairs and Security Policy": (
        "Արտաքին գործերի և անվտանգության քաղաքականության հարցերով գերագույն ներկայացուցիչ"
    ),
    "British Armenian humanitarian group": "Բրիտանահայ մարդասիրական խումբ",
    (
        "Every signature adds to the pressure on the leaders who can bring the prisoners "
        "home. Please ask your friends and family to sign too."
    ): (
        "Յուրաքանչյուր ստորագրություն մեծացնում է ճնշումն այն առաջնորդների վրա, որոնք կարող "
        "են գերիներին տուն վերադարձնել։ Խնդրեք ձեր ընկերներին և ընտանիքի անդամներին նույնպես "
        "ստորագրել։"
    ),
    "on the petition platform where this petition started": (
        "այն խնդրագրերի հարթակում, որտեղ մեկնարկել է այս խնդրագիրը"
    ),
}
